import { ActionIcon, Input, Tooltip } from '@mantine/core';
import {
  IconArrowBackUp,
  IconArrowForwardUp,
  IconBlockquote,
  IconBold,
  IconH3,
  IconH4,
  IconItalic,
  IconLink,
  IconLinkOff,
  IconList,
  IconListNumbers,
  IconUnderline,
} from '@tabler/icons-react';
import { type AnyExtension, type Editor, EditorContent, useEditor, useEditorState } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { getStyleNonce } from '../../app/csp';
import classes from './rich-text-editor.module.css';

export interface RichTextEditorProps {
  label: string;
  value: string;
  onChange: (html: string) => void;
  error?: string;
  description?: string;
  /** More node types (news articles add images); the server must keep what they produce. */
  extensions?: AnyExtension[];
  /** More toolbar buttons, given the editor (news articles: insert an image). */
  toolbarExtra?: (editor: Editor | null) => ReactNode;
}

/**
 * A small rich text editor for plan sections: only what the server keeps (paragraphs, bold,
 * italic, underline, headings 3–4, lists, quotes, links), so what is typed is what is printed.
 */
export function RichTextEditor({
  label,
  value,
  onChange,
  error,
  description,
  extensions = [],
  toolbarExtra,
}: RichTextEditorProps) {
  const { t } = useTranslation();
  const labelId = useId();
  const editor = useEditor({
    extensions: [
      StarterKit.configure({
        heading: { levels: [3, 4] },
        code: false,
        codeBlock: false,
        strike: false,
        horizontalRule: false,
        link: { openOnClick: false, autolink: true, protocols: ['http', 'https', 'mailto'] },
      }),
      ...extensions,
    ],
    content: value,
    injectNonce: getStyleNonce(),
    editorProps: { attributes: { 'aria-labelledby': labelId, role: 'textbox', 'aria-multiline': 'true' } },
    onUpdate: ({ editor: current }) => onChange(current.isEmpty ? '' : current.getHTML()),
  });

  const state = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      bold: current?.isActive('bold') ?? false,
      italic: current?.isActive('italic') ?? false,
      underline: current?.isActive('underline') ?? false,
      h3: current?.isActive('heading', { level: 3 }) ?? false,
      h4: current?.isActive('heading', { level: 4 }) ?? false,
      bullet: current?.isActive('bulletList') ?? false,
      ordered: current?.isActive('orderedList') ?? false,
      quote: current?.isActive('blockquote') ?? false,
      link: current?.isActive('link') ?? false,
      undo: current?.can().undo() ?? false,
      redo: current?.can().redo() ?? false,
    }),
  });

  const button = (key: string, icon: ReactNode, active: boolean, run: () => void, disabled = false) => (
    <Tooltip label={t(`plans.editor.${key}` as 'plans.editor.bold')} withArrow openDelay={400}>
      <ActionIcon
        variant={active ? 'filled' : 'default'}
        size="md"
        onClick={run}
        disabled={!editor || disabled}
        aria-label={t(`plans.editor.${key}` as 'plans.editor.bold')}
        aria-pressed={active}
      >
        {icon}
      </ActionIcon>
    </Tooltip>
  );

  const setLink = () => {
    if (!editor) return;
    if (state?.link) {
      editor.chain().focus().unsetLink().run();
      return;
    }
    const url = window.prompt(t('plans.editor.linkPrompt'), 'https://');
    if (!url || !/^(https?:\/\/|mailto:)/iu.test(url)) return;
    editor.chain().focus().extendMarkRange('link').setLink({ href: url }).run();
  };

  const chain = () => editor?.chain().focus();
  const size = 16;
  return (
    <Input.Wrapper
      label={label}
      labelElement="div"
      labelProps={{ id: labelId }}
      error={error}
      description={description}
    >
      <div className={classes.root}>
        <div className={classes.toolbar} role="toolbar" aria-label={t('plans.editor.toolbar')}>
          {button('bold', <IconBold size={size} />, state?.bold ?? false, () => chain()?.toggleBold().run())}
          {button('italic', <IconItalic size={size} />, state?.italic ?? false, () => chain()?.toggleItalic().run())}
          {button('underline', <IconUnderline size={size} />, state?.underline ?? false, () =>
            chain()?.toggleUnderline().run(),
          )}
          {button('h3', <IconH3 size={size} />, state?.h3 ?? false, () => chain()?.toggleHeading({ level: 3 }).run())}
          {button('h4', <IconH4 size={size} />, state?.h4 ?? false, () => chain()?.toggleHeading({ level: 4 }).run())}
          {button('bullet', <IconList size={size} />, state?.bullet ?? false, () => chain()?.toggleBulletList().run())}
          {button('ordered', <IconListNumbers size={size} />, state?.ordered ?? false, () =>
            chain()?.toggleOrderedList().run(),
          )}
          {button('quote', <IconBlockquote size={size} />, state?.quote ?? false, () =>
            chain()?.toggleBlockquote().run(),
          )}
          {button(
            state?.link ? 'unlink' : 'link',
            state?.link ? <IconLinkOff size={size} /> : <IconLink size={size} />,
            state?.link ?? false,
            setLink,
          )}
          {button('undo', <IconArrowBackUp size={size} />, false, () => chain()?.undo().run(), !state?.undo)}
          {button('redo', <IconArrowForwardUp size={size} />, false, () => chain()?.redo().run(), !state?.redo)}
          {toolbarExtra?.(editor)}
        </div>
        <EditorContent editor={editor} className={classes.content} />
      </div>
    </Input.Wrapper>
  );
}
