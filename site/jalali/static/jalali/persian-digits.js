/* Persian digits for every number the admin shows a person (issue 14).
 *
 * Wagtail writes counts, pagination, scores and the titles people typed with Latin digits, and its
 * React and Stimulus parts keep writing them after the page has loaded. Rather than patch Wagtail, this
 * rewrites the digits of visible text, tooltips and the tab title, now and whenever the page changes.
 * What a person types or a machine reads is left as it is: form fields, rich-text editors, <code>,
 * <kbd>, <samp>, <pre>, anything marked data-machine or translate="no", and tokens that are addresses,
 * paths, e-mail addresses, file names or hashes.
 */
(() => {
  'use strict';

  const PERSIAN = '۰۱۲۳۴۵۶۷۸۹';
  const SKIP = [
    'script', 'style', 'noscript', 'template', 'textarea', 'input', 'code', 'kbd', 'samp', 'pre',
    '[contenteditable]', '[data-machine]', '[translate="no"]',
  ].join(',');
  const ATTRIBUTES = ['title', 'aria-label', 'data-w-tooltip-content-value', 'placeholder'];
  // A token left in Latin digits: a code with Latin letters (a log-in name, «SHA-256»), an address, a
  // path, an e-mail address, a file name or a hash.
  const MACHINE = /[A-Za-z]|^(?:www\.|\/)|@|\.(?:pdf|docx?|xlsx?|od[ts]|csv|txt|png|jpe?g|gif|zip|jsonl?|tiff?)\b|^[0-9a-f]{8,}$/i;
  const LATIN = /[0-9]/;

  const persianToken = (token) =>
    MACHINE.test(token) ? token : token.replace(/[0-9]/g, (digit) => PERSIAN[digit]);
  const persian = (text) => text.split(/(\s+)/).map(persianToken).join('');

  const convertText = (node) => {
    if (!LATIN.test(node.data)) return;
    const parent = node.parentElement;
    if (!parent || parent.closest(SKIP)) return;
    const text = persian(node.data);
    if (text !== node.data) node.data = text;
  };

  const convertAttributes = (element) => {
    if (element.closest('[data-machine],[translate="no"],code,kbd,samp,pre')) return;
    for (const name of ATTRIBUTES) {
      const value = element.getAttribute(name);
      if (value && LATIN.test(value)) {
        const text = persian(value);
        if (text !== value) element.setAttribute(name, text);
      }
    }
  };

  const convertTree = (root) => {
    if (root.nodeType === Node.TEXT_NODE) {
      convertText(root);
      return;
    }
    if (root.nodeType !== Node.ELEMENT_NODE) return;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) convertText(node);
    convertAttributes(root);
    const selector = ATTRIBUTES.map((name) => `[${name}]`).join(',');
    root.querySelectorAll(selector).forEach(convertAttributes);
  };

  const convertTitle = () => {
    if (LATIN.test(document.title)) document.title = persian(document.title);
  };

  const start = () => {
    convertTree(document.body);
    convertTitle();
    new MutationObserver((changes) => {
      for (const change of changes) {
        if (change.type === 'characterData') convertText(change.target);
        else if (change.type === 'attributes') convertAttributes(change.target);
        else change.addedNodes.forEach(convertTree);
      }
      convertTitle();
    }).observe(document.body, {
      childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ATTRIBUTES,
    });
  };

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
