// @ts-check
// The article's share button: the phone's own share sheet where the browser has one (the Web Share API), otherwise
// the link is copied for pasting into a WeChat chat (WeChat's browser has no share API). The button shows only where
// page scripts run (site.css, keyed to text-size.js's mark on <html>), so its room is there from the first paint.

/** @param {HTMLButtonElement} button */
function enable(button) {
  const url = button.dataset.shareUrl ?? location.href;
  const title = button.dataset.shareTitle ?? document.title;
  const status = button.parentElement?.querySelector('.share-status') ?? null;
  /** @param {string} text */
  const say = (text) => {
    if (status) status.textContent = text;
  };
  button.addEventListener('click', async () => {
    if (typeof navigator.share === 'function') {
      try {
        await navigator.share({ title, url });
        return;
      } catch (error) {
        // The reader closed the share sheet: nothing to say.
        if (error instanceof DOMException && error.name === 'AbortError') return;
      }
    }
    try {
      await navigator.clipboard.writeText(url);
      say('链接已复制，可粘贴到微信对话中发送');
    } catch {
      say(`请复制本文地址：${url}`);
    }
  });
}

for (const button of document.querySelectorAll('button.share-button[data-share-url]')) {
  if (button instanceof HTMLButtonElement) enable(button);
}
