/*
 * Sanad's Jalali (Solar Hijri) date picker — self-written, no dependencies.
 *
 * Why: dates are stored Gregorian but people read and write Jalali. Every input rendered by
 * jalali.widgets.JalaliDateInput / JalaliDateTimeInput carries data-jalali-picker="date|datetime";
 * this script listens on the document (event delegation), so inputs that appear later — InlinePanel
 * rows, StreamField blocks, the publishing-schedule dialog, modals — work without any set-up call.
 *
 * The calendar arithmetic is a port of FarsiWeb's jalali.c, the algorithm jdatetime uses on the
 * server (leap years: year % 33 in {1, 5, 9, 13, 17, 22, 26, 30}), so both sides agree on every day.
 * The input keeps the text; the server parses it (jalali.parsing), so typing by hand always works.
 */
(function (root) {
  'use strict';

  if (root.SanadJalali) {
    return; // loaded twice (widget media and the global admin hook): keep the first copy
  }

  var MONTHS = ['فروردین', 'اردیبهشت', 'خرداد', 'تیر', 'مرداد', 'شهریور',
    'مهر', 'آبان', 'آذر', 'دی', 'بهمن', 'اسفند'];
  var WEEKDAYS = ['ش', 'ی', 'د', 'س', 'چ', 'پ', 'ج']; // Saturday first
  var WEEKDAY_NAMES = ['شنبه', 'یکشنبه', 'دوشنبه', 'سه‌شنبه', 'چهارشنبه', 'پنجشنبه', 'جمعه'];
  var G_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  var J_DAYS = [31, 31, 31, 31, 31, 31, 30, 30, 30, 30, 30, 29];
  var PERSIAN = '۰۱۲۳۴۵۶۷۸۹';
  var ARABIC = '٠١٢٣٤٥٦٧٨٩';
  var LEAP_REMAINDERS = [1, 5, 9, 13, 17, 22, 26, 30];
  var TWO_DIGIT_YEAR_PIVOT = 30; // same rule as jalali.parsing: 00–29 → 14xx, 30–99 → 13xx

  function div(a, b) { return Math.floor(a / b); }
  function mod(a, b) { return a - Math.floor(a / b) * b; }

  /* ---------- calendar arithmetic (same algorithm as jdatetime / jalali_core) ---------- */

  function isLeapJalali(jy) {
    return LEAP_REMAINDERS.indexOf(mod(jy, 33)) !== -1;
  }

  function jalaliMonthLength(jy, jm) {
    if (jm <= 6) { return 31; }
    if (jm <= 11) { return 30; }
    return isLeapJalali(jy) ? 30 : 29;
  }

  function isValidJalali(jy, jm, jd) {
    return jm >= 1 && jm <= 12 && jd >= 1 && jd <= jalaliMonthLength(jy, jm);
  }

  function gregorianToJalali(gy, gm, gd) {
    var gy2 = gy - 1600;
    var dayNo = 365 * gy2 + div(gy2 + 3, 4) - div(gy2 + 99, 100) + div(gy2 + 399, 400) + gd - 1 - 79;
    var i;
    for (i = 0; i < gm - 1; i++) { dayNo += G_DAYS[i]; }
    if (gm - 1 > 1 && ((mod(gy2, 4) === 0 && mod(gy2, 100) !== 0) || mod(gy2, 400) === 0)) {
      dayNo += 1; // leap Gregorian year, after February
    }
    var np = div(dayNo, 12053);
    dayNo = mod(dayNo, 12053);
    var jy = 979 + 33 * np + 4 * div(dayNo, 1461);
    dayNo = mod(dayNo, 1461);
    if (dayNo >= 366) {
      dayNo -= 1;
      jy += div(dayNo, 365);
      dayNo = mod(dayNo, 365);
    }
    for (i = 0; i < 11 && dayNo >= J_DAYS[i]; i++) { dayNo -= J_DAYS[i]; }
    return [jy, i + 1, dayNo + 1];
  }

  function jalaliToGregorian(jy, jm, jd) {
    var jy2 = jy - 979;
    var dayNo = 365 * jy2 + div(jy2, 33) * 8 + div(mod(jy2, 33) + 3, 4) + jd - 1 + 79;
    var i;
    for (i = 0; i < jm - 1; i++) { dayNo += J_DAYS[i]; }
    var gy = 1600 + 400 * div(dayNo, 146097);
    dayNo = mod(dayNo, 146097);
    var leap = 1;
    if (dayNo >= 36525) {
      dayNo -= 1;
      gy += 100 * div(dayNo, 36524);
      dayNo = mod(dayNo, 36524);
      if (dayNo >= 365) { dayNo += 1; } else { leap = 0; }
    }
    gy += 4 * div(dayNo, 1461);
    dayNo = mod(dayNo, 1461);
    if (dayNo >= 366) {
      leap = 0;
      dayNo -= 1;
      gy += div(dayNo, 365);
      dayNo = mod(dayNo, 365);
    }
    i = 0;
    while (dayNo >= G_DAYS[i] + (i === 1 ? leap : 0)) {
      dayNo -= G_DAYS[i] + (i === 1 ? leap : 0);
      i += 1;
    }
    return [gy, i + 1, dayNo + 1];
  }

  /** 0 = Saturday … 6 = Friday, for a Jalali date. */
  function jalaliWeekday(jy, jm, jd) {
    var g = jalaliToGregorian(jy, jm, jd);
    var sundayFirst = new Date(Date.UTC(g[0], g[1] - 1, g[2])).getUTCDay();
    return mod(sundayFirst + 1, 7);
  }

  /* ---------- text ---------- */

  function toAsciiDigits(text) {
    return String(text).replace(/[۰-۹٠-٩]/g, function (ch) {
      var p = PERSIAN.indexOf(ch);
      return String(p !== -1 ? p : ARABIC.indexOf(ch));
    });
  }

  function toPersianDigits(text) {
    return String(text).replace(/[0-9]/g, function (ch) { return PERSIAN.charAt(Number(ch)); });
  }

  function pad2(n) { return (n < 10 ? '0' : '') + n; }

  function expandYear(part) {
    if (part.length === 4) { return Number(part); }
    if (part.length === 2) {
      var yy = Number(part);
      return yy < TWO_DIGIT_YEAR_PIVOT ? 1400 + yy : 1300 + yy;
    }
    return NaN;
  }

  /** {y, m, d, hour, minute} from the numeric forms people type, or null. Month names are left to the server. */
  function parse(text) {
    var s = toAsciiDigits(text || '');
    var m = /(\d{1,4})\s*[\/\-.,٫،]\s*(\d{1,2})\s*[\/\-.,٫،]\s*(\d{1,4})/.exec(s);
    if (!m) { return null; }
    var a = m[1];
    var b = m[2];
    var c = m[3];
    var y;
    var d;
    if (a.length === 4 && c.length <= 2) { y = Number(a); d = Number(c); }
    else if (c.length === 4 && a.length <= 2) { y = Number(c); d = Number(a); }
    else if (a.length === 2 && !(c.length === 2 && Number(c) > 31 && Number(a) <= 31)) { y = expandYear(a); d = Number(c); }
    else if (c.length === 2 && Number(c) > 31) { y = expandYear(c); d = Number(a); }
    else { return null; }
    var month = Number(b);
    if (!isValidJalali(y, month, d)) { return null; }
    var rest = s.slice(0, m.index) + ' ' + s.slice(m.index + m[0].length);
    var t = /(\d{1,2})\s*:\s*(\d{1,2})(?:\s*:\s*(\d{1,2}))?/.exec(rest);
    return {
      y: y, m: month, d: d,
      hour: t ? Number(t[1]) : null,
      minute: t ? Number(t[2]) : null,
      second: t && t[3] ? Number(t[3]) : null
    };
  }

  function formatDate(y, m, d) {
    return toPersianDigits(y + '/' + pad2(m) + '/' + pad2(d));
  }

  function todayParts(input) {
    var fromServer = input && input.getAttribute('data-jalali-today');
    var parsed = fromServer ? parse(fromServer) : null;
    if (parsed) { return [parsed.y, parsed.m, parsed.d]; }
    var now = new Date();
    return gregorianToJalali(now.getFullYear(), now.getMonth() + 1, now.getDate());
  }

  var api = {
    MONTHS: MONTHS,
    isLeapJalali: isLeapJalali,
    jalaliMonthLength: jalaliMonthLength,
    isValidJalali: isValidJalali,
    gregorianToJalali: gregorianToJalali,
    jalaliToGregorian: jalaliToGregorian,
    jalaliWeekday: jalaliWeekday,
    toAsciiDigits: toAsciiDigits,
    toPersianDigits: toPersianDigits,
    parse: parse,
    formatDate: formatDate
  };
  root.SanadJalali = api;

  if (typeof document === 'undefined') {
    return; // loaded outside a browser (tests of the arithmetic)
  }

  /* ---------- the popup ---------- */

  var INPUT_SELECTOR = 'input[data-jalali-picker]';
  var current = null; // {input, wrapper, popup, y, m, mode}
  var refocusing = false;

  /** Give focus back to the input after a choice without opening the popup again. */
  function refocus(input) {
    refocusing = true;
    try { input.focus(); } finally { refocusing = false; }
  }

  /* Popup controls stay out of the Tab order: typing in the input is the keyboard way in. */
  var UNTABBED = { button: true, select: true, input: true };

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    if (UNTABBED[tag]) { node.setAttribute('tabindex', '-1'); }
    Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function usable(input) {
    return input && !input.disabled && !input.readOnly;
  }

  function timeText(input) {
    var parsed = parse(input.value);
    if (parsed && parsed.hour !== null) {
      var text = pad2(parsed.hour) + ':' + pad2(parsed.minute);
      if (parsed.second) { text += ':' + pad2(parsed.second); }
      return toPersianDigits(text);
    }
    if (current && current.timeBox && current.timeBox.value) { return current.timeBox.value; }
    return toPersianDigits('00:00');
  }

  function setValue(input, text) {
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }

  function choose(day) {
    var c = current;
    var text = formatDate(c.y, c.m, day);
    if (c.mode === 'datetime') {
      var time = c.timeBox && c.timeBox.value.trim() ? c.timeBox.value.trim() : timeText(c.input);
      text += ' ' + toPersianDigits(toAsciiDigits(time));
    }
    setValue(c.input, text);
    var input = c.input;
    close();
    refocus(input);
  }

  function render() {
    var c = current;
    var popup = c.popup;
    var selected = parse(c.input.value);
    var today = todayParts(c.input);
    popup.textContent = '';

    var head = el('div', { 'class': 'jalali-popup__head' });
    var prev = el('button', { type: 'button', 'class': 'jalali-popup__nav', 'data-jalali-nav': '-1',
      'aria-label': 'ماه قبل', title: 'ماه قبل' }, '→');
    var next = el('button', { type: 'button', 'class': 'jalali-popup__nav', 'data-jalali-nav': '1',
      'aria-label': 'ماه بعد', title: 'ماه بعد' }, '←');
    var monthSelect = el('select', { 'class': 'jalali-popup__month', 'data-jalali-month': '', 'aria-label': 'ماه' });
    MONTHS.forEach(function (name, index) {
      var option = el('option', { value: String(index + 1) }, name);
      if (index + 1 === c.m) { option.selected = true; }
      monthSelect.appendChild(option);
    });
    var yearSelect = el('select', { 'class': 'jalali-popup__year', 'data-jalali-year': '', 'aria-label': 'سال' });
    var first = Math.min(c.y, today[0] - 100);
    var last = Math.max(c.y, today[0] + 50);
    for (var year = last; year >= first; year--) {
      var option = el('option', { value: String(year) }, toPersianDigits(year));
      if (year === c.y) { option.selected = true; }
      yearSelect.appendChild(option);
    }
    head.appendChild(prev);
    head.appendChild(monthSelect);
    head.appendChild(yearSelect);
    head.appendChild(next);
    popup.appendChild(head);

    var grid = el('div', { 'class': 'jalali-popup__grid', role: 'grid' });
    WEEKDAYS.forEach(function (short, index) {
      grid.appendChild(el('span', { 'class': 'jalali-popup__weekday', title: WEEKDAY_NAMES[index],
        'aria-label': WEEKDAY_NAMES[index] }, short));
    });
    var offset = jalaliWeekday(c.y, c.m, 1);
    for (var blank = 0; blank < offset; blank++) {
      grid.appendChild(el('span', { 'class': 'jalali-popup__blank' }));
    }
    var length = jalaliMonthLength(c.y, c.m);
    for (var day = 1; day <= length; day++) {
      var classes = ['jalali-popup__day'];
      if (mod(offset + day - 1, 7) === 6) { classes.push('is-friday'); }
      if (today[0] === c.y && today[1] === c.m && today[2] === day) { classes.push('is-today'); }
      var isSelected = selected && selected.y === c.y && selected.m === c.m && selected.d === day;
      if (isSelected) { classes.push('is-selected'); }
      grid.appendChild(el('button', { type: 'button', 'class': classes.join(' '), 'data-jalali-day': String(day),
        'aria-label': toPersianDigits(day) + ' ' + MONTHS[c.m - 1] + ' ' + toPersianDigits(c.y),
        'aria-pressed': isSelected ? 'true' : 'false' }, toPersianDigits(day)));
    }
    popup.appendChild(grid);

    var foot = el('div', { 'class': 'jalali-popup__foot' });
    if (c.mode === 'datetime') {
      var label = el('label', { 'class': 'jalali-popup__time-label' }, 'ساعت ');
      c.timeBox = el('input', { type: 'text', 'class': 'jalali-popup__time', dir: 'ltr', size: '5',
        'data-jalali-time': '', placeholder: toPersianDigits('08:30'), 'aria-label': 'ساعت' });
      c.timeBox.value = timeText(c.input);
      label.appendChild(c.timeBox);
      foot.appendChild(label);
    }
    foot.appendChild(el('button', { type: 'button', 'class': 'jalali-popup__action', 'data-jalali-action': 'today' },
      'امروز'));
    foot.appendChild(el('button', { type: 'button', 'class': 'jalali-popup__action', 'data-jalali-action': 'clear' },
      'پاک کردن'));
    foot.appendChild(el('button', { type: 'button', 'class': 'jalali-popup__action', 'data-jalali-action': 'close' },
      'بستن'));
    popup.appendChild(foot);
  }

  function place() {
    var popup = current.popup;
    popup.classList.remove('is-above');
    var rect = popup.getBoundingClientRect();
    var inputRect = current.input.getBoundingClientRect();
    if (rect.bottom > window.innerHeight && inputRect.top > rect.height) {
      popup.classList.add('is-above');
    }
  }

  function open(input) {
    if (!usable(input)) { return; }
    if (current && current.input === input) { return; }
    close();
    var wrapper = input.closest('[data-jalali-wrapper]') || input.parentNode;
    var popup = el('div', { 'class': 'jalali-popup', role: 'dialog', dir: 'rtl', 'aria-label': 'انتخاب تاریخ',
      'data-jalali-popup': '' });
    var parsed = parse(input.value);
    var start = parsed ? [parsed.y, parsed.m] : todayParts(input);
    current = { input: input, wrapper: wrapper, popup: popup, y: start[0], m: start[1],
      mode: input.getAttribute('data-jalali-picker') === 'datetime' ? 'datetime' : 'date', timeBox: null };
    render();
    wrapper.appendChild(popup);
    input.setAttribute('aria-expanded', 'true');
    place();
  }

  function close() {
    if (!current) { return; }
    current.input.setAttribute('aria-expanded', 'false');
    if (current.popup.parentNode) { current.popup.parentNode.removeChild(current.popup); }
    current = null;
  }

  function move(months) {
    var index = current.y * 12 + (current.m - 1) + months;
    current.y = div(index, 12);
    current.m = mod(index, 12) + 1;
    render();
  }

  document.addEventListener('focusin', function (event) {
    var target = event.target;
    if (target.matches && target.matches(INPUT_SELECTOR)) {
      if (!refocusing) { open(target); }
    } else if (current && !current.wrapper.contains(target)) {
      close();
    }
  });

  document.addEventListener('click', function (event) {
    var target = event.target;
    if (!target.closest) { return; }
    var toggle = target.closest('[data-jalali-toggle]');
    if (toggle) {
      event.preventDefault();
      var wrapper = toggle.closest('[data-jalali-wrapper]');
      var input = wrapper && wrapper.querySelector(INPUT_SELECTOR);
      if (current && current.input === input) { close(); } else if (input) { open(input); input.focus(); }
      return;
    }
    if (target.matches(INPUT_SELECTOR)) { open(target); return; }
    if (!current) { return; }
    if (!current.popup.contains(target)) {
      if (!current.wrapper.contains(target)) { close(); }
      return;
    }
    var nav = target.closest('[data-jalali-nav]');
    if (nav) { move(Number(nav.getAttribute('data-jalali-nav'))); return; }
    var day = target.closest('[data-jalali-day]');
    if (day) { choose(Number(day.getAttribute('data-jalali-day'))); return; }
    var action = target.closest('[data-jalali-action]');
    if (action) {
      var name = action.getAttribute('data-jalali-action');
      if (name === 'today') {
        var today = todayParts(current.input);
        current.y = today[0];
        current.m = today[1];
        choose(today[2]);
      } else if (name === 'clear') {
        var cleared = current.input;
        setValue(cleared, '');
        close();
        refocus(cleared);
      } else {
        var closing = current.input;
        close();
        refocus(closing);
      }
    }
  });

  document.addEventListener('change', function (event) {
    if (!current || !current.popup.contains(event.target)) { return; }
    if (event.target.hasAttribute('data-jalali-month')) {
      current.m = Number(event.target.value);
      render();
    } else if (event.target.hasAttribute('data-jalali-year')) {
      current.y = Number(event.target.value);
      render();
    }
  });

  document.addEventListener('input', function (event) {
    if (!current) { return; }
    if (event.target === current.timeBox) {
      var parsed = parse(current.input.value);
      if (parsed) {
        var text = formatDate(parsed.y, parsed.m, parsed.d) + ' ' + toPersianDigits(toAsciiDigits(current.timeBox.value.trim()));
        current.input.value = text;
        current.input.dispatchEvent(new Event('change', { bubbles: true }));
      }
    } else if (event.target === current.input) {
      var typed = parse(current.input.value);
      if (typed && (typed.y !== current.y || typed.m !== current.m)) {
        current.y = typed.y;
        current.m = typed.m;
        var keepTime = current.timeBox ? current.timeBox.value : null;
        render();
        if (keepTime !== null && current.timeBox) { current.timeBox.value = keepTime; }
      } else if (typed) {
        render();
      }
    }
  });

  document.addEventListener('keydown', function (event) {
    if (!current) {
      if (event.key === 'ArrowDown' && event.altKey && event.target.matches && event.target.matches(INPUT_SELECTOR)) {
        open(event.target);
      }
      return;
    }
    if (event.key === 'Escape' && (event.target === current.input || current.popup.contains(event.target))) {
      event.preventDefault();
      event.stopPropagation(); // do not close the surrounding Wagtail dialog as well
      var input = current.input;
      close();
      refocus(input);
    } else if (event.key === 'Tab' && event.target === current.input) {
      close();
    } else if (event.key === 'Enter' && event.target === current.timeBox) {
      event.preventDefault(); // Enter in the time box applies it, never submits the page form
      var parsed = parse(current.input.value);
      if (parsed) {
        current.y = parsed.y;
        current.m = parsed.m;
        choose(parsed.d);
      } else {
        close();
      }
    }
  }, true);

  api.open = open;
  api.close = close;
}(typeof window !== 'undefined' ? window : globalThis));
