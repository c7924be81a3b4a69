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
