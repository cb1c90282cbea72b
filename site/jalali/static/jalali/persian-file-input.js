/* A file field that speaks Persian whatever the browser's own language (issue 14).
 *
 * A browser draws <input type="file"> in its own language: «Choose File / No file chosen» on an English
 * browser, and CSS cannot change those words. Each file field gets a Persian button and a line naming
 * what was chosen; the field itself stays in the form (out of sight, still the one that is sent), so
 * forms, validation and drag-and-drop onto it work as before. Wagtail's own multiple-upload zone
 * (.replace-file-input), which already draws its own button, is left alone. Its look is in
 * persian-file-input.css (a stylesheet, as the public site's content policy allows no inline style).
 */
(() => {
  'use strict';

  const PERSIAN = '۰۱۲۳۴۵۶۷۸۹';
  const NONE = 'پرونده‌ای انتخاب نشده';
  const digits = (number) => String(number).replace(/[0-9]/g, (digit) => PERSIAN[digit]);

  const chosen = (input) => {
    const files = Array.from(input.files || []);
    if (files.length === 0) return NONE;
    if (files.length === 1) return files[0].name;
    return `${digits(files.length)} پرونده: ${files.map((file) => file.name).join('، ')}`;
  };

  const enhance = (input) => {
    if (input.dataset.persianFile || input.closest('.replace-file-input')) return;
    input.dataset.persianFile = 'on';
    const box = document.createElement('span');
    box.className = 'persian-file';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'persian-file__button button button-secondary button-small';
    button.textContent = input.multiple ? 'انتخاب پرونده‌ها' : 'انتخاب پرونده';
    const status = document.createElement('span');
    status.className = 'persian-file__chosen';
    status.setAttribute('aria-live', 'polite');
    status.dataset.machine = '';
    status.textContent = chosen(input);
    if (input.id) {
      button.setAttribute('aria-describedby', `${input.id}-chosen`);
      status.id = `${input.id}-chosen`;
    }
    input.classList.add('persian-file__input');
    input.tabIndex = -1;
    input.parentNode.insertBefore(box, input);
    box.append(input, button, status);
    button.addEventListener('click', () => input.click());
    input.addEventListener('change', () => {
      status.textContent = chosen(input);
    });
    if (input.form) input.form.addEventListener('reset', () => setTimeout(() => {
      status.textContent = chosen(input);
    }));
  };

  const start = () => {
    document.querySelectorAll('input[type="file"]').forEach(enhance);
    new MutationObserver((changes) => {
      for (const change of changes) {
        for (const node of change.addedNodes) {
          if (node.nodeType !== Node.ELEMENT_NODE) continue;
          if (node.matches('input[type="file"]')) enhance(node);
          node.querySelectorAll('input[type="file"]').forEach(enhance);
        }
      }
    }).observe(document.body, { childList: true, subtree: true });
  };

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
