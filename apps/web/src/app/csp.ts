/** The per-request nonce the server writes into <meta name="csp-nonce">, for Mantine's <style> tags. */
const nonce = document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content ?? '';

export function getStyleNonce(): string {
  return nonce;
}

// Modals lock page scroll through react-remove-scroll, whose <style> tag takes its nonce from the
// `get-nonce` package; that package reads this well-known global when nothing else set it.
(globalThis as { __webpack_nonce__?: string }).__webpack_nonce__ = nonce;
