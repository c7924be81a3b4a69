//! The only links Bousla puts in an `href` from catalog data, each built here from a checked
//! value: `https:`/`http:` web addresses, `tel:` numbers and `mailto:` addresses. The catalog's
//! validation refuses anything else at build time; the browser checks again because the texts
//! arrive in a separate file (a tampered or mixed-up table must not yield a live
//! `javascript:` link). A value that fails is shown as plain text, never as a link.

use super::validate::{check_url, is_email};

/// The address itself when it is an `https://` or `http://` URL with a host and nothing that
/// could smuggle another scheme, a user name or markup.
pub fn web(url: &str) -> Option<&str> {
    check_url(url).ok().map(|()| url)
}

/// `tel:` and the digits, with a leading `+` kept: a phone number as the catalog writes it
/// (digits, spaces, `+ - . ( )`), 4 to 15 digits (the E.164 maximum).
pub fn tel(phone: &str) -> Option<String> {
    let phone = phone.trim();
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    let ok = (4..=15).contains(&digits.len())
        && phone
            .chars()
            .enumerate()
            .all(|(i, c)| c.is_ascii_digit() || " -.()".contains(c) || (c == '+' && i == 0));
    ok.then(|| {
        let plus = if phone.starts_with('+') { "+" } else { "" };
        format!("tel:{plus}{digits}")
    })
}

/// `mailto:` and a plain address: no `?`, `&`, spaces or second `@` that would add headers or
/// recipients.
pub fn mailto(email: &str) -> Option<String> {
    is_email(email).then(|| format!("mailto:{email}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_checked_web_addresses_become_links() {
        assert_eq!(
            web("https://forsa.ma/x?a=1"),
            Some("https://forsa.ma/x?a=1")
        );
        assert_eq!(
            web("http://www.rabatinvest.ma"),
            Some("http://www.rabatinvest.ma")
        );
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            " javascript:alert(1)",
            "data:text/html,<script>",
            "vbscript:x",
            "file:///etc/passwd",
            "https://forsa.ma@evil.example",
            "//evil.example",
            "https://",
            "https://a.ma/\"><script>",
            "https://a.ma/\u{202e}x",
            "ftp://a.ma",
            "",
        ] {
            assert_eq!(web(bad), None, "{bad}");
        }
    }

    #[test]
    fn phones_and_mails() {
        assert_eq!(
            tel("+212 5 22 00 00 00").as_deref(),
            Some("tel:+212522000000")
        );
        assert_eq!(tel("05.22.00.00.00").as_deref(), Some("tel:0522000000"));
        assert_eq!(tel("javascript:alert(1)"), None);
        assert_eq!(tel("0522 / 0523"), None);
        assert_eq!(tel("12"), None);
        assert_eq!(tel("1+2345"), None);
        assert_eq!(mailto("a@b.ma").as_deref(), Some("mailto:a@b.ma"));
        for bad in [
            "a@b.ma?cc=x@y.ma",
            "a@b.ma&body=x",
            "a b@c.ma",
            "a@b@c.ma",
            "javascript:a@b.ma",
        ] {
            assert_eq!(mailto(bad), None, "{bad}");
        }
    }
}
