import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { getStyleNonce } from '../../app/csp';
import classes from '../plans/plan-document.module.css';
import { ArticleImage } from './article-image';

/**
 * An article's text for reading in the newsroom: rendered by the editor's schema (read-only), so
 * only its known nodes can appear — whatever the stored HTML held, nothing else is rendered.
 */
export function ArticleBodyView({ html }: { html: string }) {
  const editor = useEditor({
    editable: false,
    extensions: [StarterKit.configure({ heading: { levels: [2, 3, 4] } }), ArticleImage],
    content: html,
    injectNonce: getStyleNonce(),
  });
  return <EditorContent editor={editor} className={classes.prose} />;
}
