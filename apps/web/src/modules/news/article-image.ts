import { mergeAttributes, Node } from '@tiptap/react';

/**
 * An image in an article's text: only `src` (our own `/api/news/files/<id>`, as uploaded) and
 * `alt`, one per block — what the server's sanitiser keeps.
 */
export const ArticleImage = Node.create({
  name: 'image',
  group: 'block',
  atom: true,
  draggable: true,
  addAttributes() {
    return { src: { default: null }, alt: { default: '' } };
  },
  parseHTML() {
    return [{ tag: 'img[src]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['img', mergeAttributes(HTMLAttributes)];
  },
});
