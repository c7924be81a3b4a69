//! The app's state, shared through context: language, answers, current screen.

use std::sync::{Mutex, MutexGuard, OnceLock};

use leptos::prelude::*;

use crate::browser;
use crate::catalog::{Catalog, Date, Lang, TEXT_HASH, decoded, embedded, text_digest, text_table};
use crate::config::{self, Config};
use crate::engine::{Profile, Ranking, codec, count_fits, rank};
use crate::flow::fragment;
use crate::flow::nav::Nav;
pub use crate::flow::{Hub, Rules, Screen};
use crate::i18n::strings::{Strings, t};
use crate::i18n::words;
use crate::questionnaire::Question;

use super::effect::effect;

const STORE_ANSWERS: &str = "bousla.answers";
const STORE_LANG: &str = "bousla.lang";
/// The screen the holder was on last (its fragment), for "Continue" on a later visit.
const STORE_SCREEN: &str = "bousla.screen";
/// The SHA-256 of this build's table of a language's interface words (see `i18n::words`),
/// which also names it; `None` for Arabic, whose words are in the app.
fn words_digest(lang: Lang) -> Option<&'static str> {
    match lang {
        Lang::Ar => None,
        Lang::Fr => Some(env!("BOUSLA_UI_DIGEST_FR")),
        Lang::En => Some(env!("BOUSLA_UI_DIGEST_EN")),
        Lang::Ary => Some(env!("BOUSLA_UI_DIGEST_ARY")),
    }
}
pub use crate::flow::fragment::SHARE_PREFIX;

/// The catalog with one language's texts, or the language whose texts could not be loaded.
type Texts = Result<(Lang, &'static Catalog), Lang>;

/// The catalog's texts in the holder's language, fetched when the language changes (Darija's
/// program texts are the Arabic ones) and on "Try again" (`retry` counts those). Each language
/// is downloaded and decoded once per visit: `loaded` keeps them (at most three, for the page's
/// lifetime), the language loaded last at the end. A failure leaves a notice; the app stays
/// usable meanwhile. Nothing is fetched while a language's interface words are
/// (`AppState::set_lang`). A download that ends after the holder chose another language is not
/// shown. `None` until the first texts are here.
///
/// An effect and a signal rather than a `LocalResource`, the main module's only one: its
/// machinery weighed more than this function ("Less of Leptos's machinery" in docs/size.md has
/// the figures).
fn load_texts(
    language: RwSignal<Lang>,
    words_pending: RwSignal<bool>,
    notice: RwSignal<Option<Notice>>,
    loaded: StoredValue<Vec<(Lang, &'static Catalog)>>,
    retry: RwSignal<u32>,
) -> RwSignal<Option<Texts>> {
    let texts = RwSignal::new(None);
    // Which request is the latest: an earlier one that ends later is dropped.
    let latest = StoredValue::new(0u32);
    effect(move || {
        retry.track();
        let lang = language.get().text_lang();
        // While the words of the language wanted are on their way, the language shown is not
        // the holder's (Arabic on a French page's start): its texts are not fetched for nothing;
        // those last loaded stay meanwhile.
        let waiting = words_pending.get();
        let this = latest.try_update_value(|n| {
            *n += 1;
            *n
        });
        if waiting {
            texts.set(Some(Err(lang)));
            return;
        }
        let known = loaded.with_value(|v| v.iter().position(|(l, _)| *l == lang));
        if let Some(at) = known {
            // Most recent last: it is the one shown if a later download fails.
            let pair = loaded.try_update_value(|v| {
                let pair = v.remove(at);
                v.push(pair);
                pair
            });
            texts.set(Some(pair.ok_or(lang)));
            return;
        }
        leptos::task::spawn_local(async move {
            let url = text_table::file_name(TEXT_HASH, lang);
            let decoded = browser::fetch_text(&url, text_digest(lang))
                .await
                .and_then(|table| {
                    let mut c = decoded();
                    text_table::fill(&mut c, lang, &table).map(|()| c)
                });
            let result = match decoded {
                Ok(c) => {
                    let c: &'static Catalog = Box::leak(Box::new(c));
                    loaded.update_value(|v| v.push((lang, c)));
                    Ok((lang, c))
                }
                Err(e) => {
                    browser::warn(&format!("Bousla: could not load the program texts ({e})"));
                    if lang == lang_now(language) {
                        notice.set(Some(Notice::TextsUnavailable));
                    }
                    Err(lang)
                }
            };
            if latest.get_value() == this.unwrap_or_default() {
                texts.set(Some(result));
            }
        });
    });
    texts
}

/// The language whose program texts are wanted now (a switch may come during a download).
fn lang_now(lang: RwSignal<Lang>) -> Lang {
    lang.get_untracked().text_lang()
}

/// A short message shown once, e.g. when stored answers could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Notice {
    StoredAnswersDiscarded,
    ShareLinkUnreadable,
    TextsUnavailable,
    /// A language was chosen but its words could not be downloaded.
    LangUnavailable(Lang),
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub config: &'static Config,
    pub lang: RwSignal<Lang>,
    pub profile: RwSignal<Profile>,
    /// The screen shown; a question asked to change one answer knows where it returns.
    pub screen: RwSignal<Screen>,
    /// Which questions a partner's settings skip, how many programs there are.
    pub rules: Rules,
    pub notice: RwSignal<Option<Notice>>,
    /// The day the page opened: programs past their closing date are shown as closed.
    pub today: Date,
    pub year: u16,
    /// "Try again" after the catalog's texts failed to load: how many times (see `load_texts`).
    texts_retry: RwSignal<u32>,
    /// The catalog with the texts of the language last loaded (structure only until then).
    pub catalog: Signal<&'static Catalog>,
    /// The language whose texts `catalog` holds.
    pub texts_of: Signal<Option<Lang>>,
    /// The engine's ranking, made on first use: see `ranking`.
    ranking: &'static OnceLock<Memo<Ranking<'static>>>,
    /// The app's owner, which the ranking lives under whichever screen first asks for it.
    owner: &'static Owner,
    pub live_count: Memo<usize>,
    /// A shared link waits for the holder's choice ("Open the shared answers" / "Keep mine"):
    /// its answers differ from their own stored ones.
    pub asking: RwSignal<bool>,
    /// A language's words are on their way (`set_lang`): the app's first frame waits for them,
    /// so a French page never flashes Arabic.
    pub words_pending: RwSignal<bool>,
    held: &'static Mutex<Held>,
}

/// Answers kept aside, outside the reactive graph (no new signal type in the wasm; the mutex
/// only satisfies the context's `Send + Sync`: the page has one thread).
struct Held {
    /// The answers as they were loaded or opened, until the holder changes one: nothing is
    /// written to storage while the profile is still this (a shared link, a partner's region,
    /// stored answers read back).
    untouched: Option<Profile>,
    /// The shared link's answers while the holder is asked.
    pending: Option<Profile>,
    /// The language the holder chose last: `lang` once its words are here (see `set_lang`).
    wanted: Lang,
    /// The shared link's code and its answers, while they are shown untouched (or asked
    /// about): the fragment keeps the code, so a reload or Back keeps the answers.
    link: Option<(String, Profile)>,
    /// The last screen other than the welcome, for "Continue".
    last: Option<Screen>,
    /// The answers shown are the holder's own (stored, or changed by them), not a shared
    /// link's or a partner's region: only then is the screen kept for a later "Continue".
    own: bool,
}

/// The profile with a partner's region lock applied (a province of another region dropped).
fn locked(mut p: Profile, region: Option<crate::catalog::Region>) -> Profile {
    if let Some(r) = region {
        if p.region != Some(r) {
            p.province = None;
        }
        p.region = Some(r);
    }
    p
}

/// What the page brings when it opens, read and decoded in a step of its own (`ui::start`):
/// the partner's options, the language, the stored answers, a shared link, the screen in the
/// fragment. [`AppState::new`] then makes the app's state of it in the next step.
pub struct Arrival {
    config: &'static Config,
    /// The language the holder wants, and the one shown until its words are here.
    wanted: Lang,
    lang: Lang,
    notice: Option<Notice>,
    screen: Screen,
    profile: Profile,
    /// The answers shown are the holder's own (see `Held::own`).
    own: bool,
    pending: Option<Profile>,
    link: Option<(String, Profile)>,
    last: Option<Screen>,
    today: Date,
    rules: Rules,
}

impl Arrival {
    pub fn read() -> Arrival {
        let structure: &'static Catalog = embedded();
        let (config, warnings) = config::parse(&browser::query_string(), |id| {
            structure.provider(id).is_some()
        });
        for w in &warnings {
            browser::warn(w);
        }
        // One config for the page's lifetime.
        let config: &'static Config = Box::leak(Box::new(config));
        let stored = |key| {
            if !config.stores() {
                None
            } else {
                browser::load(key)
            }
        };
        let wanted = config
            .lang
            .or_else(|| stored(STORE_LANG).and_then(|c| Lang::from_code(&c)))
            .unwrap_or(Lang::Ar);
        // French, English and Darija show once their words are downloaded (`set_lang`; the
        // boot script started the download with the page); Arabic until then, which the app
        // does not draw before that download has ended (`words_pending`).
        let lang = if words::ready(wanted) {
            wanted
        } else {
            Lang::Ar
        };

        // Answers are the holder's: only the holder's own action (an answer, "start over", the
        // kiosk's wipe) writes or deletes the stored copy. A shared link, a region-locked embed
        // or unreadable stored answers only shape what is in memory; see `persist`.
        let this_year = browser::today().year;
        let mut notice = None;
        let mut screen = Screen::Welcome;
        let baseline = Profile {
            region: config.region,
            ..Profile::default()
        };
        let mine = match stored(STORE_ANSWERS) {
            None => None,
            Some(text) => match codec::decode_stored(&text, this_year) {
                Ok(p) => Some(p),
                Err(e) => {
                    // Left where they are (a newer Bousla may have written them).
                    browser::warn(&format!(
                        "Bousla: could not read the stored answers ({e:?})"
                    ));
                    notice = Some(Notice::StoredAnswersDiscarded);
                    None
                }
            },
        };
        let mut profile = mine.clone().unwrap_or_default();
        let mut pending = None;
        let program = |id: &str| structure.program_index(id);
        let here = browser::fragment().unwrap_or_default();
        let location = fragment::parse(&here, program);
        let mut link = None;
        match location
            .share
            .map(|code| (code, codec::decode(code, this_year)))
        {
            None => {}
            Some((code, Ok(theirs))) => {
                link = Some((code.to_string(), locked(theirs.clone(), config.region)));
                let differs = |m: &Profile| {
                    locked(m.clone(), config.region) != baseline
                        && codec::canonical(m) != codec::canonical(&theirs)
                };
                if mine.as_ref().is_some_and(differs) {
                    // Ask: "Open the shared answers" or "Keep mine" (welcome screen).
                    pending = Some(theirs);
                } else {
                    profile = theirs;
                    // The results, or the screen the holder was on with these answers.
                    screen = location.screen.unwrap_or(Screen::Results);
                }
            }
            Some((_, Err(e))) => {
                browser::warn(&format!(
                    "Bousla: could not read the shared link ({e:?}); nothing stored was changed"
                ));
                notice = Some(Notice::ShareLinkUnreadable);
            }
        }
        // A reload returns to the screen in the fragment (with the stored answers). Not on a
        // kiosk or an adviser's desk, which keep no answers: a reload starts afresh there.
        if location.share.is_none() && notice.is_none() && config.stores() {
            screen = location.screen.unwrap_or(Screen::Welcome);
        }
        let last = stored(STORE_SCREEN)
            .and_then(|f| fragment::parse(&f, program).screen)
            .filter(|s| *s != Screen::Welcome);
        let profile = locked(profile, config.region);
        let today = browser::today();
        let rules = Rules {
            region_locked: config.region.is_some(),
            programs: structure.programs.len(),
        };
        let screen = rules.fit(screen, &profile);
        Arrival {
            config,
            wanted,
            lang,
            notice,
            screen,
            own: profile == mine.unwrap_or_default(),
            profile,
            pending,
            link,
            last,
            today,
            rules,
        }
    }
}

impl AppState {
    pub fn new(arrival: Arrival) -> AppState {
        let Arrival {
            config,
            wanted,
            lang,
            notice,
            screen,
            profile,
            own,
            pending,
            link,
            last,
            today,
            rules,
        } = arrival;
        let structure: &'static Catalog = embedded();
        let year = today.year;
        let asking = pending.is_some();
        let held: &'static Mutex<Held> = Box::leak(Box::new(Mutex::new(Held {
            own,
            untouched: Some(profile.clone()),
            pending,
            wanted,
            link,
            last,
        })));
        let profile = RwSignal::new(profile);
        let lang = RwSignal::new(lang);
        let notice = RwSignal::new(notice);
        // Set before anything reads the texts: a French page's first texts are French.
        let words_pending = RwSignal::new(wanted != lang.get_untracked());
        let loaded = StoredValue::new(Vec::new());
        let texts_retry = RwSignal::new(0);
        let texts = load_texts(lang, words_pending, notice, loaded, texts_retry);
        let last_good = move || loaded.with_value(|l: &Vec<_>| l.last().copied());
        // While another language loads, or after it failed, the texts last loaded stay.
        let shown = move || match texts.get() {
            Some(Ok(pair)) => Some(pair),
            _ => last_good(),
        };
        let catalog = Signal::derive(move || shown().map_or(structure, |(_, c)| c));
        let texts_of = Signal::derive(move || shown().map(|(l, _)| l));
        // The count needs no text: the structure suffices, and it never waits for a download.
        let live_count = Memo::new(move |_| profile.with(|p| count_fits(structure, p, today)));
        let state = AppState {
            config,
            lang,
            profile,
            screen: RwSignal::new(screen),
            rules,
            notice,
            today,
            year,
            texts_retry,
            catalog,
            texts_of,
            ranking: Box::leak(Box::new(OnceLock::new())),
            owner: Box::leak(Box::new(Owner::current().unwrap_or_default())),
            live_count,
            asking: RwSignal::new(asking),
            words_pending,
            held,
        };
        // A kiosk and an adviser's desk keep nothing: the next person starts afresh.
        if config.stores() {
            state.persist();
        }
        super::history::install(state);
        if wanted != lang.get_untracked() {
            state.set_lang(wanted);
        }
        state
    }

    /// Switches the interface's language. Only Arabic's words are in the app's first load: the
    /// first time another language is wanted, its table is downloaded and checked (the boot
    /// script's download with the page is taken over, see `browser::fetch_text`), and the
    /// interface stays in its language until then (a notice when the download fails; choosing
    /// the language again retries).
    pub fn set_lang(&self, lang: Lang) {
        // The results are drawn anew in the new language: the holder's place is found again.
        browser::scroll::remember_anchor();
        self.held().wanted = lang;
        if matches!(
            self.notice.get_untracked(),
            Some(Notice::LangUnavailable(_))
        ) {
            self.notice.set(None);
        }
        let Some(digest) = words_digest(lang).filter(|_| !words::ready(lang)) else {
            // An earlier download may still be on its way: nothing waits for it any more.
            if self.words_pending.get_untracked() {
                self.words_pending.set(false);
            }
            self.lang.set(lang);
            return;
        };
        let this = *self;
        self.words_pending.set(true);
        leptos::task::spawn_local(async move {
            let loaded = browser::fetch_text(&words::file_name(lang, digest), digest)
                .await
                .and_then(|table| words::install(lang, table));
            let still_wanted = this.held().wanted == lang;
            match loaded {
                Ok(()) if still_wanted => this.lang.set(lang),
                Ok(()) => {}
                Err(e) => {
                    browser::warn(&format!(
                        "Bousla: could not load the {} interface ({e})",
                        lang.code()
                    ));
                    if still_wanted {
                        this.notice.set(Some(Notice::LangUnavailable(lang)));
                    }
                }
            }
            // Still waiting only if the holder has since chosen another language whose words
            // are on their way.
            let wanted = this.held().wanted;
            this.words_pending
                .set(!still_wanted && !words::ready(wanted));
        });
    }

    /// The first question for this holder (the region is skipped when a partner locked it).
    pub fn first_question(&self) -> Question {
        self.profile.with_untracked(|p| self.rules.first(p))
    }

    pub fn skips(&self, q: Question) -> bool {
        self.rules.skips(q)
    }

    /// The screen and the answers with the moves between them (`flow::nav`).
    pub fn nav(&self) -> Nav {
        Nav {
            screen: self.screen,
            profile: self.profile,
            rules: self.rules,
        }
    }

    /// The fragment that names `screen` in the history, with the shared link's code while its
    /// answers are shown untouched or asked about.
    pub fn fragment_of(&self, screen: Screen) -> String {
        let structure = embedded();
        let held = self.held();
        let share = held.link.as_ref().and_then(|(code, theirs)| {
            let showing =
                self.asking.get_untracked() || self.profile.with_untracked(|p| p == theirs);
            showing.then_some(code.as_str())
        });
        fragment::format(
            screen,
            |i| structure.programs.get(i).map(|p| p.id.as_str()),
            share,
        )
    }

    /// Reads a fragment of the history (Back, Forward): its screen, if it names one.
    pub fn screen_at(&self, here: &str) -> Option<Screen> {
        let structure = embedded();
        fragment::parse(here, |id| structure.program_index(id)).screen
    }

    /// Keeps the screen the holder is on for "Continue" (the welcome screen is not kept).
    pub(super) fn remember(&self, screen: Screen) {
        if screen == Screen::Welcome {
            return;
        }
        let own = {
            let mut held = self.held();
            held.last = Some(screen);
            held.own
        };
        if own && self.config.stores() {
            let route = self.fragment_of(screen);
            browser::save(STORE_SCREEN, fragment::route(&route));
        }
    }

    /// Whether "Continue" has somewhere to go: answers, or a screen the holder reached (a
    /// holder who answered "I don't know" to everything has results to return to).
    pub fn can_resume(&self) -> bool {
        self.has_answers() || self.held().last.is_some()
    }

    /// "Continue": where the holder was, else the first question not answered.
    pub fn resume(&self) {
        let last = self.held().last;
        self.nav().resume(last);
    }

    fn held(&self) -> MutexGuard<'static, Held> {
        // Never poisoned: a panic aborts the wasm.
        self.held.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// "Try again" after the program texts failed to load.
    pub fn retry_texts(&self) {
        if self.notice.get_untracked() == Some(Notice::TextsUnavailable) {
            self.notice.set(None);
        }
        self.texts_retry.update(|n| *n += 1);
    }

    /// Keeps answers and language in localStorage so a reload resumes where the holder was.
    /// The answers are written only once the holder changed one: until then the profile is
    /// what was loaded (their stored answers, a shared link's, a partner's region) and the
    /// stored copy stays as it is. Nothing here ever deletes it.
    fn persist(self) {
        effect(move || {
            let p = self.profile.get();
            let mut held = self.held();
            if held.untouched.as_ref() == Some(&p) {
                return;
            }
            held.own = true;
            if held.untouched.take().is_some() && held.link.take().is_some() {
                // The holder acted: these answers are theirs now, and the shared link has
                // served; a reload must not offer it over them again. The screen stays.
                let here = browser::fragment().unwrap_or_default();
                browser::history::replace(fragment::route(&here));
            }
            browser::save(STORE_ANSWERS, &codec::encode(&p));
        });
        effect(move || {
            let lang = self.lang.get();
            // Not while a language's words download: the holder's choice stays stored meanwhile.
            if self.held().wanted == lang {
                browser::save(STORE_LANG, lang.code());
            }
        });
    }

    /// The holder chose the shared link's answers: shown, in memory; their own stored answers
    /// stay until they change one of these.
    pub fn open_shared(&self) {
        let Some(p) = self.held().pending.take() else {
            return;
        };
        let p = locked(p, self.config.region);
        {
            let mut held = self.held();
            held.untouched = Some(p.clone());
            held.own = false;
        }
        self.profile.set(p);
        self.asking.set(false);
        self.notice.set(None);
        self.go(Screen::Results);
    }

    /// The holder keeps their own answers: the shared link is forgotten.
    pub fn keep_mine(&self) {
        {
            let mut held = self.held();
            held.pending = None;
            held.link = None;
        }
        self.asking.set(false);
        let here = browser::fragment().unwrap_or_default();
        browser::history::replace(fragment::route(&here));
    }

    /// The profile a holder who has answered nothing has (a partner's region, if locked).
    fn baseline(&self) -> Profile {
        Profile {
            region: self.config.region,
            ..Profile::default()
        }
    }

    pub fn catalog(&self) -> &'static Catalog {
        self.catalog.get_untracked()
    }

    /// The engine's ranking of the catalog for the answers, made the first time a screen that
    /// shows it asks (results, the adviser's page, a printed sheet, office counts). Only code
    /// in their wasm chunks calls this, so the ranking's code is not in the app's first load;
    /// it lives under the app's owner, not the first asker's, and outlives that screen.
    pub fn ranking(&self) -> Memo<Ranking<'static>> {
        let (catalog, profile, today) = (self.catalog, self.profile, self.today);
        *self.ranking.get_or_init(|| {
            self.owner.with(|| {
                Memo::new(move |_| {
                    let c = catalog.get();
                    profile.with(|p| rank(c, p, today))
                })
            })
        })
    }

    /// Whether the program texts of the current language are here.
    pub fn texts_ready(&self) -> bool {
        self.texts_of.get() == Some(self.lang.get().text_lang())
    }

    pub fn strings(&self) -> &'static Strings {
        t(self.lang.get())
    }

    /// The `lang` attribute of program texts when it differs from the interface's: Darija's
    /// program texts are in Modern Standard Arabic.
    pub fn text_lang_attr(&self) -> Option<&'static str> {
        let lang = self.lang.get_untracked();
        (lang.text_lang() != lang).then(|| lang.text_lang().code())
    }

    /// Whether the holder has given any answer (a partner's locked region is not one).
    pub fn has_answers(&self) -> bool {
        let baseline = self.baseline();
        self.profile.with(|p| *p != baseline)
    }

    pub fn go(&self, screen: Screen) {
        self.screen.set(screen);
    }

    /// The app's own Back button: a step back in the browser's history when the entry before
    /// is where Back leads (so the browser's Back and Forward stay in step with it), else that
    /// screen in place of this one. Never leaves the app; in an embed it never touches the
    /// partner page's history.
    pub fn back(&self) {
        let Some(to) = self.nav().back_target() else {
            return;
        };
        let behind = browser::history::previous();
        let same =
            behind.is_some_and(|b| fragment::route(&b) == fragment::route(&self.fragment_of(to)));
        if same && !self.config.embed {
            browser::history::back();
        } else {
            super::history::replace_next();
            self.go(to);
        }
    }

    /// Moves on after an answer (or "Next" keeping one): the follow-up questions of a changed
    /// answer then back where the edit came from, else the next question, else the review.
    pub fn advance(&self, from: Question) {
        self.nav().advance(from);
    }

    /// The link that reopens these answers anywhere: answers only, in the fragment, which
    /// browsers never send to a server.
    pub fn share_link(&self) -> String {
        let code = self.profile.with(codec::encode);
        format!(
            "{}?lang={}#{SHARE_PREFIX}{code}",
            browser::page_url(),
            self.lang.get().code()
        )
    }

    /// Wipes the session: answers, stored copy, shared fragment; a kiosk also returns to its
    /// configured language.
    pub fn start_over(&self) {
        let baseline = self.baseline();
        {
            let mut held = self.held();
            held.untouched = Some(baseline.clone());
            held.pending = None;
            held.link = None;
            held.last = None;
            held.own = true;
        }
        self.profile.set(baseline);
        self.asking.set(false);
        self.notice.set(None);
        browser::remove(STORE_ANSWERS);
        browser::remove(STORE_SCREEN);
        // Back to the first entry of the history: the last holder's screens are not left
        // behind Back (a kiosk's next person).
        super::history::restart();
        // Office counts: the next holder is counted afresh.
        super::counting::new_holder();
        if self.config.kiosk {
            self.set_lang(self.config.lang.unwrap_or(Lang::Ar));
        }
        self.go(Screen::Welcome);
    }
}

/// The holder's state, made once per page (`ui::start`); a kiosk's wipe resets it in place.
/// A static, not a Leptos context: a context is found by walking up the owners and looking the
/// type up in each one's map, code the first screen then carries for nothing else.
static STATE: OnceLock<AppState> = OnceLock::new();

/// Keeps the page's state; the first one stays (the app is started once per page).
pub fn provide(state: AppState) {
    let _ = STATE.set(state);
}

#[inline(never)]
pub fn use_state() -> AppState {
    *STATE
        .get()
        .expect("the app's state is made before any screen")
}
