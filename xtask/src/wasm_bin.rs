//! The little of the wasm binary format the build rewrites: sections, names, LEB128 numbers.

use crate::run::Result;

/// The module's sections, in order: (id, body).
pub fn sections(wasm: &[u8]) -> Result<Vec<(u8, &[u8])>> {
    if wasm.len() < 8 || &wasm[..4] != b"\0asm" {
        return Err("the main module is not a wasm binary".into());
    }
    let mut out = Vec::new();
    let mut i = 8;
    while i < wasm.len() {
        let (len, body) = leb(wasm, i + 1)?;
        let end = body + len as usize;
        out.push((
            wasm[i],
            wasm.get(body..end)
                .ok_or("a wasm section runs past the file")?,
        ));
        i = end;
    }
    Ok(out)
}

/// `wasm` with each section's body replaced by what `f` makes of it (id, body).
pub fn rebuild(wasm: &[u8], mut f: impl FnMut(u8, &[u8]) -> Result<Vec<u8>>) -> Result<Vec<u8>> {
    let mut out = wasm
        .get(..8)
        .ok_or("the main module is not a wasm binary")?
        .to_vec();
    for (id, body) in sections(wasm)? {
        let body = f(id, body)?;
        out.push(id);
        out.extend(uleb(body.len() as u32));
        out.extend(body);
    }
    Ok(out)
}

/// An entry of the import or export section: its module (imports only), its name and the
/// bytes of its description that follow them.
pub struct Entry<'a> {
    pub module: Option<&'a str>,
    pub name: &'a str,
    pub desc: &'a [u8],
}

/// The entries of an import section (`imports`) or an export section.
pub fn entries(body: &[u8], imports: bool) -> Result<Vec<Entry<'_>>> {
    let (count, mut at) = leb(body, 0)?;
    let mut out = Vec::with_capacity(count as usize);
    for _ in 0..count {
        let (module, after_module) = match imports {
            true => name(body, at).map(|(m, after)| (Some(m), after))?,
            false => (None, at),
        };
        let (name, after_name) = name(body, after_module)?;
        let end = match imports {
            true => import_end(body, after_name)?,
            // A kind byte and an index.
            false => leb(body, after_name + 1)?.1,
        };
        let desc = &body[after_name..end];
        out.push(Entry { module, name, desc });
        at = end;
    }
    Ok(out)
}

/// The entries of the import section among a module's `sections` (none without one).
pub fn imports<'a>(sections: &[(u8, &'a [u8])]) -> Result<Vec<Entry<'a>>> {
    match sections.iter().find(|(id, _)| *id == 2) {
        Some((_, body)) => entries(body, true),
        None => Ok(Vec::new()),
    }
}

/// A section of these entries.
pub fn put_entries<'a>(entries: impl IntoIterator<Item = Entry<'a>>) -> Vec<u8> {
    let (mut n, mut out) = (0, Vec::new());
    for e in entries {
        if let Some(m) = e.module {
            put_name(&mut out, m);
        }
        put_name(&mut out, e.name);
        out.extend(e.desc);
        n += 1;
    }
    let mut body = uleb(n);
    body.extend(out);
    body
}

/// The end of an import's description (its kind and type) starting at `at`.
fn import_end(b: &[u8], at: usize) -> Result<usize> {
    let kind = *b.get(at).ok_or("an import runs past its section")?;
    match kind {
        // A function (type index) or a tag (attribute, type index).
        0 => Ok(leb(b, at + 1)?.1),
        4 => Ok(leb(b, at + 2)?.1),
        // A table: element type, then limits.
        1 => limits(b, at + 2),
        // A memory: limits.
        2 => limits(b, at + 1),
        // A global: value type, mutability.
        3 => Ok(at + 3),
        _ => Err(format!("unknown import kind {kind}")),
    }
}

fn limits(b: &[u8], at: usize) -> Result<usize> {
    let flags = *b.get(at).ok_or("limits run past their section")?;
    let (_, mut end) = leb(b, at + 1)?;
    if flags & 1 == 1 {
        end = leb(b, end)?.1;
    }
    Ok(end)
}

/// The name at `at` (a length and UTF-8 bytes) and the offset after it.
pub fn name(b: &[u8], at: usize) -> Result<(&str, usize)> {
    let (len, from) = leb(b, at)?;
    let to = from + len as usize;
    let bytes = b.get(from..to).ok_or("a wasm name runs past its section")?;
    let s = std::str::from_utf8(bytes).map_err(|_| "a wasm name is not UTF-8")?;
    Ok((s, to))
}

pub fn put_name(out: &mut Vec<u8>, name: &str) {
    out.extend(uleb(name.len() as u32));
    out.extend(name.as_bytes());
}

pub fn leb(b: &[u8], mut i: usize) -> Result<(u32, usize)> {
    let (mut value, mut shift) = (0u32, 0);
    loop {
        let byte = *b.get(i).ok_or("a wasm number runs past the file")?;
        i += 1;
        value |= u32::from(byte & 0x7f) << shift;
        if byte & 0x80 == 0 {
            return Ok((value, i));
        }
        shift += 7;
        if shift > 28 {
            return Err("a wasm number is too long".into());
        }
    }
}

pub fn uleb(mut n: u32) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let byte = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(byte);
            return out;
        }
        out.push(byte | 0x80);
    }
}
