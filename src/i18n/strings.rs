//! The interface's own words. A typed table: a key missing in any language is a compile error
//! (the macro takes exactly three texts per key, and `ary.rs` writes Darija's as a `Strings`
//! literal), and `tests` checks that none is empty.
//! Chosen over leptos_i18n, measured here at +32 KB brotli and writing `lang`/`dir` on the
//! host page's `<html>`, which is wrong inside a partner's page.
//! `{n}`-style placeholders are filled by [`fill`].

use crate::catalog::Lang;

use super::table::text_table;

pub fn t(lang: Lang) -> &'static Strings {
    match lang {
        Lang::Ar => &AR,
        #[cfg(not(target_arch = "wasm32"))]
        Lang::Fr => &FR,
        #[cfg(not(target_arch = "wasm32"))]
        Lang::En => &EN,
        // The other languages' words are not in the browser's build: downloaded, then shown
        // (see `words`); Arabic until then.
        _ => super::words::of(lang).map_or(&AR, |w| &w.strings),
    }
}

/// Replaces `{name}` placeholders.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (k, v) in values {
        out = out.replace(&format!("{{{k}}}"), v);
    }
    out
}

text_table! {
    Strings, "Every interface string of one language.";
    app_name: "بوصلة", "Bousla", "Bousla";
    tagline: "اعرف برامج الدعم التي تناسب مشروعك في المغرب.", "Trouvez les programmes d'appui faits pour votre projet au Maroc.", "Find the support programs that fit your project in Morocco.";
    welcome_what: "أجب عن بعض الأسئلة البسيطة (حوالي 3 دقائق). سنعرض عليك البرامج التي تناسبك: التمويل والمواكبة والاحتضان والولوج إلى الأسواق. ونقول لك لماذا، وأين تتوجه.", "Répondez à quelques questions simples (environ 3 minutes). Nous vous montrons les programmes faits pour vous : financement, accompagnement, incubation, accès aux marchés. Nous disons pourquoi, et où aller.", "Answer a few simple questions (about 3 minutes). We show you the programs that fit you: financing, coaching, incubation, market access. We say why, and where to go.";
    privacy: "أجوبتك تبقى في جهازك. لا يُرسل أي شيء إلى أي خادم.", "Vos réponses restent sur votre appareil. Rien n'est envoyé à aucun serveur.", "Your answers stay on your device. Nothing is sent to any server.";
    start: "ابدأ", "Commencer", "Start";
    resume: "تابع من حيث توقفت", "Reprendre où vous en étiez", "Continue where you left off";
    language: "اللغة", "Langue", "Language";
    dont_know: "لا أعرف", "Je ne sais pas", "I don't know";
    prefer_not_to_say: "أفضّل عدم الإجابة", "Je préfère ne pas répondre", "I prefer not to say";
    skip: "تخطَّ", "Passer", "Skip";
    next: "التالي", "Suivant", "Next";
    back: "رجوع", "Retour", "Back";
    see_results: "اعرض النتائج", "Voir les résultats", "See the results";
    back_to_results: "العودة إلى النتائج", "Retour aux résultats", "Back to the results";
    progress: "الخطوة {n} من {total}: {section}", "Étape {n} sur {total} : {section}", "Step {n} of {total}: {section}";
    live_count: "{n} برنامج ممكن حتى الآن|zero=لا برنامج ممكن حتى الآن|one=برنامج واحد ممكن حتى الآن|two=برنامجان ممكنان حتى الآن|few={n} برامج ممكنة حتى الآن|many={n} برنامجا ممكنا حتى الآن", "{n} programmes encore possibles|one={n} programme encore possible", "{n} programs still possible|one={n} program still possible";
    start_over: "ابدأ من جديد", "Recommencer", "Start over";
    start_over_confirm: "مسح كل الأجوبة؟", "Effacer toutes les réponses ?", "Clear all answers?";
    yes: "نعم", "Oui", "Yes";
    no: "لا", "Non", "No";
    stored_discarded: "تعذرت قراءة الأجوبة المحفوظة في هذا الجهاز. تبقى محفوظة إلى أن تجيب من جديد أو تبدأ من جديد.", "Les réponses enregistrées sur cet appareil sont illisibles. Elles restent enregistrées jusqu'à ce que vous répondiez à nouveau ou recommenciez.", "The answers saved on this device could not be read. They stay saved until you answer again or start over.";
    link_unreadable: "تعذرت قراءة هذا الرابط. ربما هو ناقص أو تالف أو من نسخة أحدث. اطلب من مرسله أن يرسله مرة أخرى. لم يتغير شيء مما حُفظ في هذا الجهاز.", "Ce lien est illisible. Il est peut-être coupé, abîmé ou d'une version plus récente. Demandez à la personne de vous le renvoyer. Rien n'a changé sur cet appareil.", "This link could not be read. It may be cut short, damaged or from a newer version. Ask the sender to send it again. Nothing saved on this device has changed.";
    texts_unavailable: "تعذر تحميل تفاصيل البرامج. تحقق من الاتصال ثم أعد المحاولة.", "Impossible de charger le détail des programmes : vérifiez la connexion puis réessayez.", "The program details could not be loaded: check the connection, then try again.";
    retry: "أعد المحاولة", "Réessayer", "Try again";
    lang_unavailable: "تعذر تحميل الدارجة. تحقق من الاتصال، ثم اضغط على «الدارجة» مرة أخرى.", "Impossible de charger la darija. Vérifiez la connexion, puis touchez « الدارجة » à nouveau.", "Darija could not be loaded. Check the connection, then tap “الدارجة” again.";
    shared_title: "أجوبة تمت مشاركتها معك", "Des réponses partagées avec vous", "Answers shared with you";
    shared_prompt: "يحمل هذا الرابط أجوبة شخص آخر. أجوبتك أنت محفوظة في هذا الجهاز. تبقى محفوظة ما لم تغيّر الأجوبة المشاركة.", "Ce lien contient les réponses de quelqu'un d'autre. Les vôtres sont enregistrées sur cet appareil. Elles y restent tant que vous ne changez pas les réponses partagées.", "This link holds someone else's answers. Yours are saved on this device. They stay saved unless you change the shared answers.";
    open_shared: "افتح الأجوبة المشاركة", "Ouvrir les réponses partagées", "Open the shared answers";
    keep_mine: "احتفظ بأجوبتي", "Garder les miennes", "Keep mine";
    loading: "جار التحميل…", "Chargement…", "Loading…";
    show_all: "اعرض الكل ({n})", "Tout voir ({n})", "Show all ({n})";
    share_title: "احتفظ بنتائجك", "Gardez vos résultats", "Keep your results";
    share_help: "هذا الرابط يحمل أجوبتك فقط، بدون اسم. لا يُحفظ في أي خادم.", "Ce lien contient seulement vos réponses, sans nom. Aucun serveur ne le garde.", "This link holds only your answers, no name. No server keeps it.";
    copy_link: "انسخ الرابط", "Copier le lien", "Copy the link";
    copied: "تم النسخ", "Copié", "Copied";
    copy_by_hand: "لم يُسمح بالنسخ هنا. الرابط محدد: انسخه بلوحة المفاتيح أو بالضغط المطوّل عليه.", "La copie n'est pas permise ici. Le lien est sélectionné : copiez-le au clavier ou par un appui long.", "Copying is not allowed here. The link is selected: copy it with the keyboard or a long press.";
    share: "شارك", "Partager", "Share";
    scan_qr: "امسح هذا الرمز بهاتفك لأخذ النتائج معك.", "Scannez ce code avec votre téléphone pour emporter vos résultats.", "Scan this code with your phone to take your results home.";
    qr_label: "رمز QR لرابط نتائجك", "Code QR du lien vers vos résultats", "QR code of the link to your results";
    qr_link_label: "رمز QR للرابط: {url}", "Code QR du lien : {url}", "QR code of the link: {url}";
    kiosk_touch: "المس الشاشة للبدء", "Touchez l'écran pour commencer", "Touch the screen to start";
    idle_warning: "هل ما زلت هنا؟ سيتم مسح الأجوبة بعد {n} ثانية.|one=هل ما زلت هنا؟ سيتم مسح الأجوبة بعد ثانية واحدة.|two=هل ما زلت هنا؟ سيتم مسح الأجوبة بعد ثانيتين.|few=هل ما زلت هنا؟ سيتم مسح الأجوبة بعد {n} ثوانٍ.", "Êtes-vous toujours là ? Les réponses seront effacées dans {n} secondes.|one=Êtes-vous toujours là ? Les réponses seront effacées dans {n} seconde.", "Are you still there? The answers will be cleared in {n} seconds.|one=Are you still there? The answers will be cleared in {n} second.";
    keep_going: "أنا هنا، تابع", "Je suis là, continuer", "I'm here, continue";
    q_region: "في أي جهة يوجد مشروعك؟", "Dans quelle région se trouve votre projet ?", "Which region is your project in?";
    q_province: "في أي إقليم أو عمالة؟", "Dans quelle province ou préfecture ?", "Which province or prefecture?";
    q_province_help: "بعض البرامج خاصة بأقاليم معينة.", "Certains programmes ne concernent que quelques provinces.", "Some programs are only for certain provinces.";
    q_stage: "أين وصل مشروعك؟", "Où en est votre projet ?", "Where is your project now?";
    q_started: "في أي سنة بدأ نشاطك؟", "En quelle année votre activité a-t-elle commencé ?", "In which year did your activity start?";
    q_started_help: "بعض البرامج مخصصة للأنشطة التي يقل عمرها عن سنة أو 3 أو 5 سنوات.", "Certains programmes sont réservés aux activités de moins de 1, 3 ou 5 ans.", "Some programs are only for activities under 1, 3 or 5 years old.";
    before_year: "قبل {year}", "Avant {year}", "Before {year}";
    q_legal_form: "ما هي الصفة القانونية لنشاطك؟", "Quel est le statut de votre activité ?", "What is your activity's legal status?";
    q_sector: "في أي قطاع؟", "Dans quel secteur ?", "In which sector?";
    q_age: "كم عمرك؟", "Quel âge avez-vous ?", "How old are you?";
    q_age_help: "بالسنوات. بعض البرامج مخصصة للشباب.", "En années. Certains programmes sont réservés aux jeunes.", "In years. Some programs are for young people only.";
    age_input: "العمر بالسنوات", "Âge en années", "Age in years";
    age_invalid: "أدخل عمرا بين 15 و99 سنة.", "Indiquez un âge entre 15 et 99 ans.", "Enter an age between 15 and 99.";
    q_gender: "أنت…", "Vous êtes…", "You are…";
    q_gender_help: "سؤال اختياري: بعض البرامج مخصصة للنساء.", "Question facultative : certains programmes sont réservés aux femmes.", "Optional: some programs are for women only.";
    prefer_not: "أفضل عدم الإجابة", "Je préfère ne pas répondre", "I prefer not to say";
    q_area: "أين يوجد المشروع؟", "Où se trouve le projet ?", "Where is the project?";
    q_residence: "أين تعيش حاليا؟", "Où vivez-vous actuellement ?", "Where do you live now?";
    q_needs: "ماذا تحتاج؟", "De quoi avez-vous besoin ?", "What do you need?";
    q_needs_help: "يمكنك اختيار أكثر من جواب.", "Vous pouvez choisir plusieurs réponses.", "You can choose more than one.";
    q_amount: "ما المبلغ الذي تحتاجه تقريبا؟", "De quel montant avez-vous besoin, à peu près ?", "Roughly how much money do you need?";
    q_amount_help: "اختر مجالا، أو اكتب المبلغ بالضبط إن كنت تعرفه.", "Choisissez une tranche, ou tapez le montant exact si vous le connaissez.", "Pick a range, or type the exact amount if you know it.";
    amount_exact: "أو اكتب المبلغ بالضبط", "Ou tapez le montant exact", "Or type the exact amount";
    revenue_exact: "أو اكتب رقم معاملاتك السنوي بالضبط", "Ou tapez votre chiffre d'affaires annuel exact", "Or type your exact yearly revenue";
    currency: "درهم", "DH", "MAD";
    amount_invalid: "اكتب المبلغ بالدرهم بالأرقام فقط، مثلا 250000 أو 250\u{202F}000.", "Tapez le montant en dirhams, en chiffres seulement, par exemple 250000 ou 250\u{202F}000.", "Type the amount in dirhams, in digits only, for example 250000 or 250,000.";
    up_to: "حتى {amount}", "Jusqu'à {amount}", "Up to {amount}";
    from_to: "من {from} إلى {to}", "De {from} à {to}", "From {from} to {to}";
    more_than: "أكثر من {amount}", "Plus de {amount}", "More than {amount}";
    q_innovative: "هل مشروعك مبتكر أو تكنولوجي؟", "Votre projet est-il innovant ou technologique ?", "Is your project innovative or technology-based?";
    q_innovative_help: "مثلا: منتج أو خدمة جديدة، تطبيق، تقنية.", "Par exemple : un produit ou un service nouveau, une application, une technologie.", "For example: a new product or service, an app, a technology.";
    q_revenue: "كم يبلغ رقم معاملاتك في السنة؟", "Quel est votre chiffre d'affaires par an ?", "What is your yearly revenue?";
    q_jobs: "كم شخصا يعمل في نشاطك (بما فيهم أنت)؟", "Combien de personnes travaillent dans votre activité (vous compris) ?", "How many people work in your activity (you included)?";
    jobs_input: "عدد الأشخاص", "Nombre de personnes", "Number of people";
    jobs_invalid: "أدخل عددا بين 1 و100000.", "Indiquez un nombre entre 1 et 100 000.", "Enter a number between 1 and 100,000.";
    results_title: "البرامج التي تناسبك", "Les programmes pour vous", "Programs for you";
    results_summary: "{fit}، {possible}.", "{fit} ; {possible}.", "{fit}; {possible}.";
    results_fit: "{n} برنامج يناسبك تماما|zero=لا يناسبك أي برنامج تماما|one=برنامج واحد يناسبك تماما|two=برنامجان يناسبانك تماما|few={n} برامج تناسبك تماما|many={n} برنامجا يناسبك تماما", "{n} programmes vous correspondent pleinement|one={n} programme vous correspond pleinement|0=Aucun programme ne vous correspond pleinement", "{n} programs fit you fully|one={n} program fits you fully|0=No program fits you fully";
    results_possible: "و{n} برنامج آخر ممكن مع شروط يجب التحقق منها|zero=ولا برنامج آخر ممكن|one=وبرنامج آخر واحد ممكن مع شروط يجب التحقق منها|two=وبرنامجان آخران ممكنان مع شروط يجب التحقق منها|few=و{n} برامج أخرى ممكنة مع شروط يجب التحقق منها|many=و{n} برنامجا آخر ممكنا مع شروط يجب التحقق منها", "{n} autres peut-être, avec des points à vérifier|one={n} autre peut-être, avec des points à vérifier|0=aucun autre n'est possible", "{n} others may, with points to check|one={n} other may, with points to check|0=no other may";
    group_best: "الأنسب لك", "Le mieux pour vous", "Best for you";
    group_need: "{need}: برامج أخرى", "{need} : autres programmes", "{need}: other programs";
    group_more_fits: "برامج أخرى تناسبك", "Autres programmes pour vous", "Other programs for you";
    group_fits: "برامج تناسب ما تحتاجه", "Programmes pour ce dont vous avez besoin", "Programs for what you need";
    group_also_open: "برامج أخرى مفتوحة لك", "Aussi ouverts à vous", "Also open to you";
    group_closed: "لا تقبل طلبات حاليا", "Fermés aux demandes pour l'instant", "Not taking applications now";
    no_results: "لم نجد برنامجا يناسب كل أجوبتك. انظر أسفله ما يمكن أن يفتح لك برامج أخرى. أو اسأل المركز الجهوي للاستثمار.", "Aucun programme ne correspond à toutes vos réponses. Voyez plus bas ce qui peut vous en ouvrir d'autres. Ou demandez au CRI de votre région.", "No program fits all your answers. See below what could open others to you. Or ask your region's investment centre (CRI).";
    your_answers: "أجوبتك", "Vos réponses", "Your answers";
    edit: "تعديل", "Modifier", "Edit";
    not_answered: "بدون جواب", "Sans réponse", "Not answered";
    filter_kind: "نوع الدعم", "Type d'appui", "Kind of support";
    filter_verdict: "الأهلية", "Éligibilité", "Eligibility";
    all: "الكل", "Tout", "All";
    only_eligible: "المؤهلة فقط", "Éligibles seulement", "Eligible only";
    why_fits: "لماذا يناسبك", "Pourquoi cela vous correspond", "Why it fits";
    to_check: "ما يجب التحقق منه", "À vérifier", "To check";
    answer_question: "أجب عن السؤال: {question}", "Répondre : {question}", "Answer: {question}";
    why_not: "لماذا لا", "Pourquoi pas", "Why not";
    you_answered: "جوابك: {answer}", "Votre réponse : {answer}", "Your answer: {answer}";
    what_you_get: "ما تحصل عليه", "Ce que vous obtenez", "What you get";
    how_to_apply: "كيف تتقدم", "Comment postuler", "How to apply";
    where_to_go: "أين تتوجه", "Où s'adresser", "Where to go";
    no_desk: "لا نعرف مكتبا لهذا البرنامج في جهتك. اسأل المركز الجهوي للاستثمار أو غرفة التجارة في جهتك.", "Nous ne connaissons pas de guichet de ce programme dans votre région. Demandez au CRI ou à la CCIS de votre région.", "We know no desk for this program in your region. Ask your region's investment centre (CRI) or chamber of commerce (CCIS).";
    choose_region_for_desks: "اختر جهتك لترى المكاتب القريبة منك.", "Indiquez votre région pour voir les guichets proches de vous.", "Tell us your region to see the desks near you.";
    phone: "الهاتف", "Téléphone", "Phone";
    call: "اتصل", "Appeler", "Call";
    website: "الموقع", "Site web", "Website";
    email: "البريد الإلكتروني", "E-mail", "E-mail";
    address: "العنوان", "Adresse", "Address";
    hours: "أوقات العمل", "Horaires", "Opening hours";
    ask_provider: "المعلومة غير متوفرة: اسأل الجهة المسؤولة.", "Nous ne savons pas : demandez à l'organisme.", "Not known: ask the provider.";
    last_verified: "آخر تحقق: {date}", "Vérifié le {date}", "Last checked: {date}";
    source_dated: "لم تُراجَع بعد؛ أحدث مصدر بتاريخ {date}", "Pas revérifié ; source la plus récente : {date}", "Not re-checked; newest source dated {date}";
    undated: "بدون تاريخ تحقق: تأكد من المعلومات لدى الشباك.", "Sans date de vérification : confirmez auprès du guichet.", "No check date: confirm with the desk.";
    partial_open: "يموّل حتى {covers} من أصل أكثر من {asked} التي تطلبها. ابحث عن تمويل آخر يكمّله.", "Couvre jusqu'à {covers} de vos plus de {asked}. Cherchez un autre financement pour compléter.", "Covers up to {covers} of the more than {asked} you need. Look for other funding to add to it.";
    sources: "المصادر", "Sources", "Sources";
    sources_unavailable: "تعذر تحميل المصادر. تحقق من الاتصال ثم أعد المحاولة.", "Impossible de charger les sources : vérifiez la connexion puis réessayez.", "The sources could not be loaded: check the connection, then try again.";
    details_unavailable: "تعذر تحميل تفاصيل البرنامج. تحقق من الاتصال ثم أعد المحاولة.", "Impossible de charger le détail du programme : vérifiez la connexion puis réessayez.", "The program's details could not be loaded: check the connection, then try again.";
    part_unavailable: "تعذر تحميل هذا الجزء. تحقق من الاتصال ثم أعد المحاولة.", "Impossible de charger cette partie : vérifiez la connexion puis réessayez.", "This part could not be loaded: check the connection, then try again.";
    caution: "تنبيه", "Attention", "Caution";
    confidence_note: "بعض المعلومات غير مؤكدة. تحقق منها لدى الجهة المسؤولة قبل أي خطوة.", "Certaines informations ne sont pas confirmées. Vérifiez-les auprès de l'organisme avant d'agir.", "Some facts are not confirmed. Check them with the provider before you act.";
    more: "التفاصيل", "Détails", "Details";
    within_reach: "في متناولك بخطوة واحدة", "À votre portée en une étape", "Within reach with one step";
    not_eligible_title: "برامج لا تناسبك حاليا", "Programmes qui ne vous correspondent pas pour l'instant", "Programs that do not fit you for now";
    step_to_take: "الخطوة", "L'étape", "The step";
    pathways: "مسارات مقترحة", "Parcours suggérés", "Suggested pathways";
    up_to_amount: "حتى {amount}", "jusqu'à {amount}", "up to {amount}";
    from_amount: "ابتداء من {amount}", "à partir de {amount}", "from {amount}";
    provider: "الجهة", "Organisme", "Provider";
    eligible_badge: "يناسبك", "Éligible", "Eligible";
    possible_badge: "ممكن", "Possible", "Possible";
    not_eligible_badge: "غير مؤهل حاليا", "Non éligible", "Not eligible";
    closed_badge: "مغلق حاليا", "Fermé pour l'instant", "Not open now";
    print: "اطبع", "Imprimer", "Print";
    listen: "استمع", "Écouter", "Listen";
    listen_question: "استمع إلى السؤال", "Écouter la question", "Listen to the question";
    listen_results: "استمع إلى الملخص", "Écouter le résumé", "Listen to the summary";
    listen_program: "استمع: {name}", "Écouter : {name}", "Listen: {name}";
    footer_note: "بوصلة دليل للتوجيه وليست قرارا رسميا. القرار النهائي للجهة المانحة.", "Bousla oriente mais ne décide pas : la décision finale revient à l'organisme.", "Bousla points the way; it does not decide. The final decision is the provider's.";
    // Office counts (the staff's screen, src/ui/staff.rs).
    staff_title: "إحصاءات المكتب", "Statistiques du guichet", "Office counts";
    staff_code: "رمز الموظفين", "Code du personnel", "Staff code";
    staff_open: "افتح", "Ouvrir", "Open";
    close: "إغلاق", "Fermer", "Close";
    wrong_code: "رمز غير صحيح.", "Code incorrect.", "Wrong code.";
    counts_rule: "أعداد أشخاص، جوابا بجواب، ولا تُجمع أبدا أجوبة شخص واحد. كل رقم إما 0، أو 10 فأكثر مقرّبا إلى أقرب 5، أو «< 10» من 1 إلى 9.", "Des nombres de personnes, réponse par réponse, jamais plusieurs réponses d'une même personne ensemble. Chaque nombre vaut 0, ou 10 et plus arrondi à 5 près, ou «\u{a0}<\u{a0}10\u{a0}» de 1 à 9.", "Numbers of people, one answer at a time, never two answers of one person together. Each number is 0, or 10 and more rounded to the nearest 5, or “< 10” from 1 to 9.";
    period: "الفترة", "Période", "Period";
    period_today: "اليوم", "Aujourd'hui", "Today";
    period_week: "آخر 7 أيام", "7 derniers jours", "Last 7 days";
    period_30: "آخر 30 يوما", "30 derniers jours", "Last 30 days";
    period_month: "هذا الشهر", "Ce mois-ci", "This month";
    period_last_month: "الشهر الماضي", "Le mois dernier", "Last month";
    period_all: "كل ما هو محفوظ (حتى 400 يوم)", "Tout ce qui est gardé (jusqu'à 400 jours)", "Everything kept (up to 400 days)";
    counts_activity: "الزيارات", "Visites", "Visits";
    count_started: "بدأ الأسئلة", "Questionnaires commencés", "Questionnaires started";
    count_results: "وصل إلى النتائج", "Résultats affichés", "Reached the results";
    count_printed: "طبع النتائج", "Résultats imprimés", "Printed the results";
    count_qr: "رأى رمز QR لأخذ النتائج", "Code QR des résultats affiché", "Saw the QR code of the results";
    count_top: "برامج ضمن أول 5 نتائج", "Programmes parmi les 5 premiers résultats", "Programs among the first 5 results";
    count_opened: "صفحات برامج فُتحت", "Pages de programme ouvertes", "Program pages opened";
    count_answer: "الجواب", "Réponse", "Answer";
    count_number: "العدد", "Nombre", "Number";
    download_csv: "نزّل الملف (CSV)", "Télécharger (CSV)", "Download (CSV)";
    show_qr: "اعرض كرموز QR", "Afficher en codes QR", "Show as QR codes";
    qr_part: "رمز QR {n} من {total}", "Code QR {n} sur {total}", "QR code {n} of {total}";
    reset_counts: "احذف أعداد هذه الفترة", "Effacer les chiffres de cette période", "Delete this period's counts";
    reset_confirm: "حذف أعداد هذه الفترة من هذا الجهاز نهائيا؟", "Effacer pour de bon les chiffres de cette période de cet appareil ?", "Delete this period's counts from this device for good?";
    reset_done: "تم الحذف.", "Effacé.", "Deleted.";
    counts_discarded: "في {date}، تعذرت قراءة أعداد محفوظة فحُذفت: قد تنقص أعداد ما قبل ذلك اليوم.", "Le {date}, des chiffres enregistrés illisibles ont été écartés : ceux d'avant ce jour peuvent manquer.", "On {date}, stored counts that could not be read were discarded: counts from before that day may be missing.";
    review_title: "راجع أجوبتك", "Vérifiez vos réponses", "Check your answers";
    review_help: "يمكنك تغيير أي جواب هنا، ثم عرض نتائجك.", "Vous pouvez changer chaque réponse ici, puis voir vos résultats.", "You can change any answer here, then see your results.";
    see_my_results: "اعرض نتائجي", "Voir mes résultats", "See my results";
    section_place: "مكان المشروع", "Le lieu du projet", "Where the project is";
    section_activity: "النشاط", "L'activité", "The activity";
    section_needs: "ما تحتاجه", "Vos besoins", "What you need";
    section_holder: "معلومات عنك", "À propos de vous", "About you";
    hanging: "جوابك يحسم هل يناسبك {n} برنامج|one=جوابك يحسم هل يناسبك برنامج واحد|two=جوابك يحسم هل يناسبك برنامجان|few=جوابك يحسم هل تناسبك {n} برامج|many=جوابك يحسم هل يناسبك {n} برنامجا", "Répondre dirait si {n} programmes vous conviennent|one=Répondre dirait si {n} programme vous convient", "Answering would settle whether {n} programs fit you|one=Answering would settle whether {n} program fits you";
    done: "تم", "Terminé", "Done";
    adviser_title: "الأسئلة والبرامج", "Questions et programmes", "Questions and programs";
    adviser_help: "املأ الأسئلة مع حامل المشروع، وتتغير البرامج مع كل جواب. لا يُحفظ شيء في هذا الجهاز.", "Remplissez les questions avec le porteur de projet : les programmes suivent chaque réponse. Rien n'est enregistré sur cet appareil.", "Fill in the questions with the project holder: the programs follow each answer. Nothing is saved on this device.";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_a_text_in_every_language() {
        for lang in Lang::ALL {
            for (key, text) in t(lang).entries() {
                assert!(!text.trim().is_empty(), "{key} is empty in {}", lang.code());
            }
        }
    }

    #[test]
    fn placeholders_are_the_same_in_every_language() {
        // A counted text's first form carries every placeholder (see `plural`).
        let placeholders = |s: &str| {
            let mut v: Vec<String> = s
                .split('|')
                .next()
                .unwrap_or(s)
                .split('{')
                .skip(1)
                .filter_map(|p| p.split_once('}').map(|(k, _)| k.to_string()))
                .collect();
            v.sort();
            v
        };
        for ((key, ar), (_, fr)) in AR.entries().into_iter().zip(FR.entries()) {
            assert_eq!(placeholders(ar), placeholders(fr), "{key}");
        }
        for ((key, en), (_, fr)) in EN.entries().into_iter().zip(FR.entries()) {
            assert_eq!(placeholders(en), placeholders(fr), "{key}");
        }
    }

    #[test]
    fn fills_placeholders() {
        assert_eq!(
            fill(
                EN.progress,
                &[("n", "2"), ("total", "4"), ("section", "The activity")]
            ),
            "Step 2 of 4: The activity"
        );
    }
}
