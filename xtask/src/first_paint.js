// The page before the app's wasm has arrived. On slow 4G the wasm takes seconds, on 2G far
// longer, and the page was blank meanwhile: here the welcome is drawn at once, in the holder's
// language, with the app's own elements and classes so that nothing moves when the app takes
// over (it removes this copy once its own screen is drawn, see src/ui/app.rs). If the app
// cannot be downloaded or started, the holder reads why, with "Try again".
// Text only (textContent), never HTML. The words come from src/i18n/first_paint.rs.
// The options mirror src/config.rs (lang, mode, compact, theme); tests/e2e/first-paint.spec.ts
// checks that this copy and the app agree.
const bouslaFirstPaint = (() => {
  const WORDS = /*WORDS*/null;
  const query = new URLSearchParams(location.search);
  const mode = query.get('mode');
  const [kiosk, adviser] = [mode === 'kiosk', mode === 'adviser'];
  const stored = () => {
    try {
      return localStorage.getItem('bousla.lang');
    } catch {
      return null;
    }
  };
  // As the app: the URL's language, else the holder's last choice (not on a kiosk or at an
  // adviser's desk, which store nothing), else Arabic. Darija shows Arabic until its words arrive.
  const wanted = ['ar', 'ary', 'fr', 'en'].find((l) => l === query.get('lang'))
    ?? (kiosk || adviser ? null : stored());
  const lang = WORDS[wanted] ? wanted : 'ar';
  const w = WORDS[lang];

  // src/config.rs `theme_colour`: #rgb or #rrggbb, dark enough for white text (contrast ≥ 4.5).
  const theme = (value) => {
    const hex = (value ?? '').replace(/^#/, '');
    if (!/^([0-9a-f]{3}|[0-9a-f]{6})$/i.test(hex)) return null;
    const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
    const lin = (i) => {
      const c = parseInt(full.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    const luminance = 0.2126 * lin(0) + 0.7152 * lin(2) + 0.0722 * lin(4);
    return 1.05 / (luminance + 0.05) < 4.5 ? null : '#' + full.toLowerCase();
  };

  const el = (tag, props = {}, ...children) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(props)) {
      if (k === 'text') e.textContent = v;
      else e.setAttribute(k, v);
    }
    e.append(...children);
    return e;
  };

  const root = el('div', {
    id: 'bousla-boot',
    class: ['bousla', kiosk && 'kiosk', adviser && 'adviser-mode',
      ['1', 'true', ''].includes(query.get('compact')) && 'compact'].filter(Boolean).join(' '),
    lang,
    dir: w.dir,
  });
  const accent = theme(query.get('theme'));
  if (accent) root.style.setProperty('--accent', accent);

  // The language switch, inert until the app is here. No `data-lang`, and a test id of its own: for
  // the few milliseconds both are in the page, what names the app's elements names only them.
  const names = { ar: 'العربية', ary: 'الدارجة', fr: 'Français', en: 'English' };
  const langs = el('nav', { class: 'langs', 'aria-label': w.language }, ...Object.entries(names)
    .map(([code, name]) => el('button', {
      type: 'button', class: 'lang', lang: code, disabled: '',
      'aria-pressed': String(code === lang), text: name,
    })));
  const header = el('header', { class: 'top' },
    el('span', { class: 'brand', 'aria-hidden': 'true', text: '🧭 ' + w.app_name }), langs);

  // What the button row says meanwhile: "Loading…", then the failure and "Try again".
  const status = el('div', { class: 'actions', role: 'status', 'data-testid': 'first-paint' },
    el('button', { type: 'button', class: 'primary', disabled: '', text: w.loading }));
  // The welcome only where the app opens on it: a share link, a question, the results or an
  // adviser's desk open elsewhere, and show only "Loading…" until then.
  const welcome = !adviser && (location.hash === '' || location.hash === '#');
  const screen = welcome
    ? el('section', { class: 'welcome' },
      el('h1', { text: w.app_name }),
      el('p', { class: 'tagline', text: w.tagline }),
      el('p', { text: w.welcome_what }),
      el('p', { class: 'privacy' }, el('span', { 'aria-hidden': 'true', text: '🔒 ' }), w.privacy),
      status)
    : el('section', {}, status);
  root.append(header, el('main', { class: 'screen' }, screen),
    el('footer', { class: 'foot' }, el('p', { text: w.footer_note })));
  document.body.prepend(root);

  // The interface's words of a language other than Arabic (whose words are in the wasm) download
  // beside the wasm, checked by the browser; the app takes the download over (src/browser.rs,
  // `fetch_text`) and draws its first frame once they are here.
  if (w.words) {
    const response = fetch(w.words, { integrity: w.words_integrity });
    response.catch(() => {});
    window.bouslaWords = { url: w.words, response };
  }

  // On the pages whose results' chunks load early (xtask/src/split.rs, OPENS_ON_RESULTS) the
  // catalog's texts download beside the wasm too, checked by the browser; the app takes the
  // download over (src/browser.rs, `fetch_text`). Elsewhere the wasm downloads alone.
  if (/*OPENS_ON_RESULTS*/false) {
    const response = fetch(w.texts, { integrity: w.texts_integrity });
    // Handled by the app, which says so with "Try again"; not an unhandled rejection meanwhile.
    response.catch(() => {});
    window.bouslaTexts = { url: w.texts, response };
  }

  return {
    failed() {
      const retry = el('button', { type: 'button', class: 'primary', text: w.retry });
      retry.addEventListener('click', () => location.reload());
      status.setAttribute('role', 'alert');
      status.replaceChildren(el('p', { class: 'notice', text: w.load_failed }), retry);
    },
  };
})();
