//! The app's state, shared through context: language, answers, current screen.

use leptos::prelude::*;

use crate::browser;
use crate::catalog::{Catalog, Lang, embedded};
use crate::engine::{Profile, Ranking, codec, count_fits, rank};
use crate::i18n::strings::{Strings, t};
use crate::questionnaire::Question;

const STORE_ANSWERS: &str = "bousla.answers";
const STORE_LANG: &str = "bousla.lang";

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
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub lang: RwSignal<Lang>,
    pub profile: RwSignal<Profile>,
    pub screen: RwSignal<Screen>,
    /// The holder came to a question from the results page to change one answer.
    pub editing: RwSignal<bool>,
    pub notice: RwSignal<Option<Notice>>,
    pub year: u16,
    pub ranking: Memo<Ranking<'static>>,
    pub live_count: Memo<usize>,
}

impl AppState {
    pub fn new() -> AppState {
        let lang = browser::query_param("lang")
            .and_then(|code| {
                let lang = Lang::from_code(&code);
                if lang.is_none() {
                    browser::warn(&format!("Bousla: unknown lang `{code}` in the URL; using the default"));
                }
                lang
            })
            .or_else(|| browser::load(STORE_LANG).and_then(|c| Lang::from_code(&c)))
            .unwrap_or(Lang::Ar);
        let (profile, notice) = match browser::load(STORE_ANSWERS) {
            None => (Profile::default(), None),
            Some(stored) => match codec::decode(&stored) {
                Ok(p) => (p, None),
                Err(e) => {
                    browser::warn(&format!("Bousla: discarded stored answers ({e:?})"));
                    browser::remove(STORE_ANSWERS);
                    (Profile::default(), Some(Notice::StoredAnswersDiscarded))
                }
            },
        };
        let year = browser::current_year();
        let profile = RwSignal::new(profile);
        let catalog: &'static Catalog = embedded();
        let ranking = Memo::new(move |_| profile.with(|p| rank(catalog, p, year)));
        let live_count = Memo::new(move |_| profile.with(|p| count_fits(catalog, p, year)));
        let state = AppState {
            lang: RwSignal::new(lang),
            profile,
            screen: RwSignal::new(Screen::Welcome),
            editing: RwSignal::new(false),
            notice: RwSignal::new(notice),
            year,
            ranking,
            live_count,
        };
        state.persist();
        state
    }

    /// Keeps answers and language in localStorage so a reload resumes where the holder was.
    fn persist(self) {
        Effect::new(move |_| {
            let p = self.profile.get();
            if p == Profile::default() {
                browser::remove(STORE_ANSWERS);
            } else {
                browser::save(STORE_ANSWERS, &codec::encode(&p));
            }
        });
        Effect::new(move |_| browser::save(STORE_LANG, self.lang.get().code()));
    }

    pub fn catalog(&self) -> &'static Catalog {
        embedded()
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
            let next = self.profile.with_untracked(|p| from.next(p));
            let follow_up = next.filter(|q| self.profile.with_untracked(|p| !is_answered(*q, p)) && depends_on(*q, from));
            match follow_up {
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

    pub fn start_over(&self) {
        self.profile.set(Profile::default());
        self.editing.set(false);
        browser::remove(STORE_ANSWERS);
        self.go(Screen::Welcome);
    }
}

/// Questions that only exist because of another answer.
fn depends_on(q: Question, on: Question) -> bool {
    matches!(
        (on, q),
        (Question::Region, Question::Province)
            | (Question::Stage, Question::Started | Question::LegalForm | Question::Revenue | Question::Jobs)
            | (Question::Needs, Question::Amount)
    )
}

pub fn is_answered(q: Question, p: &Profile) -> bool {
    match q {
        Question::Region => p.region.is_some(),
        Question::Province => p.province.is_some(),
        Question::Stage => p.stage.is_some(),
        Question::Started => p.started.is_some(),
        Question::LegalForm => p.legal_form.is_some(),
        Question::Sector => p.sector.is_some(),
        Question::Age => p.age.is_some(),
        Question::Gender => p.gender.is_some(),
        Question::Area => p.area.is_some(),
        Question::Residence => p.residence.is_some(),
        Question::Needs => p.needs.is_some(),
        Question::Amount => p.amount.is_some(),
        Question::Innovative => p.innovative.is_some(),
        Question::Revenue => p.revenue.is_some(),
        Question::Jobs => p.jobs.is_some(),
    }
}

pub fn use_state() -> AppState {
    expect_context::<AppState>()
}
