//! The typed text tables of the interface (`strings`) and of the engine's results (`phrases`):
//! one struct field per key, so a key missing in a language is a compile error.

/// `text_table!(Name, "what one holds"; key: "ar", "fr", "en"; …)` makes `struct Name` with one
/// `&'static str` per key, the constants `AR`, `FR`, `EN`, and what tests and the Darija table
/// need (`entries`, `COUNT`, `from_values`).
macro_rules! text_table {
    ($name:ident, $what:literal; $($key:ident: $ar:literal, $fr:literal, $en:literal;)*) => {
        #[doc = $what]
        // `repr(C)`: laid out as an array of its texts, so `from_values` moves the Darija
        // table in one copy (a field-by-field copy of ~300 texts weighed ~9 KB of wasm).
        #[repr(C)]
        pub struct $name { $(pub $key: &'static str,)* }

        pub const AR: $name = $name { $($key: $ar,)* };
        pub const FR: $name = $name { $($key: $fr,)* };
        pub const EN: $name = $name { $($key: $en,)* };

        impl $name {
            /// (key, text) pairs, in the table's order: for tests, audits and the Darija table.
            pub fn entries(&self) -> Vec<(&'static str, &'static str)> {
                vec![$((stringify!($key), self.$key),)*]
            }

            /// How many texts there are.
            pub const COUNT: usize = [$(stringify!($key)),*].len();

            /// The texts from a table's values, in `entries()`' order; `None` unless there are
            /// exactly `COUNT`.
            pub fn from_values(values: &[&'static str]) -> Option<$name> {
                let values: [&'static str; Self::COUNT] = values.try_into().ok()?;
                // SAFETY: a `repr(C)` struct whose fields are all `&'static str` has the layout
                // of an array of them, field i at index i (same size and alignment, no padding);
                // `transmute` checks the sizes at compile time.
                Some(unsafe { core::mem::transmute::<[&'static str; Self::COUNT], $name>(values) })
            }
        }
    };
}

pub(crate) use text_table;
