//! The app's state, shared through context: language, answers, current screen.

use leptos::prelude::*;

use crate::browser;
use crate::catalog::{Catalog, Date, Lang, TEXT_HASH, embedded, text_digest, text_table};
use crate::config::{self, Config};
use crate::engine::{Profile, Ranking, codec, count_fits, rank};
use crate::i18n::strings::{Strings, t};
use crate::questionnaire::Question;
pub use crate::questionnaire::is_answered;

const STORE_ANSWERS: &str = "bousla.answers";
const STORE_LANG: &str = "bousla.lang";
/// Share links carry the answers after `#a=`.
pub const SHARE_PREFIX: &str = "a=";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    Welcome,
    Ask(Question),
    Results,
    /// A program's page, by index in the catalog.
    Detail(usize),
}

/// A short message shown once, e.g. when stored answers could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Notice {
    StoredAnswersDiscarded,
    ShareLinkUnreadable,
    TextsUnavailable,
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub config: &'static Config,
    pub lang: RwSignal<Lang>,
    pub profile: RwSignal<Profile>,
    pub screen: RwSignal<Screen>,
    /// The holder came to a question from the results page to change one answer.
    pub editing: RwSignal<bool>,
    pub notice: RwSignal<Option<Notice>>,
    /// The day the page opened: programs past their closing date are shown as closed.
    pub today: Date,
    pub year: u16,
    /// The catalog with the texts of the language last loaded (structure only until then).
    pub catalog: RwSignal<&'static Catalog>,
    /// The language whose texts `catalog` holds.
    pub texts_of: RwSignal<Option<Lang>>,
    pub ranking: Memo<Ranking<'static>>,
    pub live_count: Memo<usize>,
}

impl AppState {
    pub fn new() -> AppState {
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
            if config.kiosk {
                None
            } else {
                browser::load(key)
            }
        };
        let lang = config
            .lang
            .or_else(|| stored(STORE_LANG).and_then(|c| Lang::from_code(&c)))
            .unwrap_or(Lang::Ar);

        let mut notice = None;
        let mut screen = Screen::Welcome;
        let shared =
            browser::fragment().and_then(|f| f.strip_prefix(SHARE_PREFIX).map(str::to_string));
        let this_year = browser::today().year;
        let mut profile = match shared {
            Some(code) => match codec::decode(&code, this_year) {
                Ok(p) => {
                    screen = Screen::Results;
                    p
                }
                Err(e) => {
                    browser::warn(&format!(
                        "Bousla: could not read the shared link ({e:?}); starting afresh"
                    ));
                    browser::set_fragment("");
                    notice = Some(Notice::ShareLinkUnreadable);
                    Profile::default()
                }
            },
            None => match stored(STORE_ANSWERS) {
                None => Profile::default(),
                Some(text) => codec::decode_stored(&text, this_year).unwrap_or_else(|e| {
                    browser::warn(&format!("Bousla: discarded stored answers ({e:?})"));
                    browser::remove(STORE_ANSWERS);
                    notice = Some(Notice::StoredAnswersDiscarded);
                    Profile::default()
                }),
            },
        };
        if let Some(r) = config.region {
            if profile.region != Some(r) {
                profile.province = None;
            }
            profile.region = Some(r);
        }
        let today = browser::today();
        let year = today.year;
        let profile = RwSignal::new(profile);
        let catalog = RwSignal::new(structure);
        let ranking = Memo::new(move |_| {
            let c = catalog.get();
            profile.with(|p| rank(c, p, today))
        });
        // The count needs no text: the structure suffices, and it never waits for a download.
        let live_count = Memo::new(move |_| profile.with(|p| count_fits(structure, p, today)));
        let state = AppState {
            config,
            lang: RwSignal::new(lang),
            profile,
            screen: RwSignal::new(screen),
            editing: RwSignal::new(false),
            notice: RwSignal::new(notice),
            today,
            year,
            catalog,
            texts_of: RwSignal::new(None),
            ranking,
            live_count,
        };
        if !config.kiosk {
            state.persist();
        }
        state.load_texts();
        state
    }

    /// Downloads the catalog's texts in the holder's language (and again on a switch), once
    /// per language per visit. The app stays usable meanwhile; a failure leaves a notice.
    fn load_texts(self) {
        let cache: StoredValue<Vec<(Lang, &'static Catalog)>> = StoredValue::new(Vec::new());
        Effect::new(move |_| {
            let lang = self.lang.get();
            if let Some(c) =
                cache.with_value(|c| c.iter().find(|(l, _)| *l == lang).map(|(_, c)| *c))
            {
                self.catalog.set(c);
                self.texts_of.set(Some(lang));
                return;
            }
            leptos::task::spawn_local(async move {
                let url = text_table::file_name(TEXT_HASH, lang);
                let loaded = browser::fetch_text(&url).await.and_then(|table| {
                    let mut c = embedded().clone();
                    text_table::decode(&mut c, lang, &table, text_digest(lang)).map(|()| c)
                });
                match loaded {
                    Ok(c) => {
                        // At most three, kept for the page's lifetime.
                        let c: &'static Catalog = Box::leak(Box::new(c));
                        cache.update_value(|v| v.push((lang, c)));
                        if self.lang.get_untracked() == lang {
                            self.catalog.set(c);
                            self.texts_of.set(Some(lang));
                        }
                    }
                    Err(e) => {
                        browser::warn(&format!("Bousla: could not load the program texts ({e})"));
                        self.notice.set(Some(Notice::TextsUnavailable));
                    }
                }
            });
        });
    }

    /// The first question for this holder (the region is skipped when a partner locked it).
    pub fn first_question(&self) -> Question {
        let q = Question::first();
        if self.skips(q) {
            self.profile.with_untracked(|p| q.next(p)).unwrap_or(q)
        } else {
            q
        }
    }

    pub fn skips(&self, q: Question) -> bool {
        q == Question::Region && self.config.region.is_some()
    }

    /// Keeps answers and language in localStorage so a reload resumes where the holder was.
    fn persist(self) {
        Effect::new(move |_| {
            let p = self.profile.get();
            if p == Profile::default()
                || (self.config.region.is_some()
                    && p == Profile {
                        region: self.config.region,
                        ..Profile::default()
                    })
            {
                browser::remove(STORE_ANSWERS);
            } else {
                browser::save(STORE_ANSWERS, &codec::encode(&p));
            }
        });
        Effect::new(move |_| browser::save(STORE_LANG, self.lang.get().code()));
    }

    pub fn catalog(&self) -> &'static Catalog {
        self.catalog.get_untracked()
    }

    /// Whether the program texts of the current language are here.
    pub fn texts_ready(&self) -> bool {
        self.texts_of.get() == Some(self.lang.get())
    }

    pub fn strings(&self) -> &'static Strings {
        t(self.lang.get())
    }

    pub fn has_answers(&self) -> bool {
        self.profile.with(|p| *p != Profile::default())
    }

    pub fn go(&self, screen: Screen) {
        self.screen.set(screen);
    }

    /// Moves on after an answer: back to the results when editing from there, else the next
    /// question, else the results.
    pub fn advance(&self, from: Question) {
        self.profile.update(Question::prune);
        if self.editing.get_untracked() {
            // A changed answer may open follow-up questions (e.g. the start year); ask those.
            match self.profile.with_untracked(|p| from.follow_up(p)) {
                Some(q) => self.go(Screen::Ask(q)),
                None => {
                    self.editing.set(false);
                    self.go(Screen::Results);
                }
            }
            return;
        }
        match self.profile.with_untracked(|p| from.next(p)) {
            Some(q) => self.go(Screen::Ask(q)),
            None => self.go(Screen::Results),
        }
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
        self.profile.set(Profile {
            region: self.config.region,
            ..Profile::default()
        });
        self.editing.set(false);
        self.notice.set(None);
        browser::remove(STORE_ANSWERS);
        browser::set_fragment("");
        if self.config.kiosk {
            self.lang.set(self.config.lang.unwrap_or(Lang::Ar));
        }
        self.go(Screen::Welcome);
    }
}

pub fn use_state() -> AppState {
    expect_context::<AppState>()
}
