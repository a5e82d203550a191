//! Finding where a JSON path sits in the source text.
//!
//! serde reports line and column only for syntax and type errors. The
//! validator's own checks (an empty page, a duplicate slug) need the same
//! precision, so this module walks the raw text to the value at a path.
//! It is a small scanner rather than a position-keeping parser: the text
//! has already parsed once, so only well-formed JSON reaches it, and any
//! surprise makes it give up (`None`) rather than guess.

use std::fmt;

/// One step of a JSON path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Seg {
    Key(String),
    Index(usize),
}

/// A path such as `pages[1][0].text.en`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct JsonPath(pub Vec<Seg>);

impl JsonPath {
    pub fn root() -> Self {
        JsonPath(Vec::new())
    }

    /// A child path: `p.key("pages").index(1)`.
    pub fn key(&self, k: &str) -> Self {
        let mut v = self.0.clone();
        v.push(Seg::Key(k.to_owned()));
        JsonPath(v)
    }

    pub fn index(&self, i: usize) -> Self {
        let mut v = self.0.clone();
        v.push(Seg::Index(i));
        JsonPath(v)
    }
}

impl fmt::Display for JsonPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, seg) in self.0.iter().enumerate() {
            match seg {
                Seg::Key(k) if i == 0 => f.write_str(k)?,
                Seg::Key(k) => write!(f, ".{k}")?,
                Seg::Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}

struct Scanner<'a> {
    s: &'a [u8],
    i: usize,
}

impl Scanner<'_> {
    fn ws(&mut self) {
        while self.i < self.s.len() && matches!(self.s[self.i], b' ' | b'\t' | b'\n' | b'\r') {
            self.i += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn eat(&mut self, b: u8) -> Option<()> {
        self.ws();
        (self.peek()? == b).then(|| self.i += 1)
    }

    /// Reads a string and returns its raw (still escaped) contents.
    fn string(&mut self) -> Option<&str> {
        self.eat(b'"')?;
        let start = self.i;
        while self.peek()? != b'"' {
            self.i += if self.peek()? == b'\\' { 2 } else { 1 };
        }
        let raw = std::str::from_utf8(&self.s[start..self.i]).ok()?;
        self.i += 1;
        Some(raw)
    }

    fn skip_value(&mut self) -> Option<()> {
        self.ws();
        match self.peek()? {
            b'"' => self.string().map(drop),
            open @ (b'{' | b'[') => {
                let close = if open == b'{' { b'}' } else { b']' };
                self.i += 1;
                self.ws();
                if self.peek()? == close {
                    self.i += 1;
                    return Some(());
                }
                loop {
                    if open == b'{' {
                        self.string()?;
                        self.eat(b':')?;
                    }
                    self.skip_value()?;
                    self.ws();
                    match self.peek()? {
                        b',' => self.i += 1,
                        c if c == close => {
                            self.i += 1;
                            return Some(());
                        }
                        _ => return None,
                    }
                }
            }
            _ => {
                while self.i < self.s.len()
                    && !matches!(self.s[self.i], b',' | b'}' | b']' | b' ' | b'\n' | b'\r' | b'\t')
                {
                    self.i += 1;
                }
                Some(())
            }
        }
    }

    /// Moves to the start of the value at `seg` inside the current value.
    fn descend(&mut self, seg: &Seg) -> Option<()> {
        self.ws();
        match seg {
            Seg::Key(key) => {
                self.eat(b'{')?;
                loop {
                    let k = self.string()?;
                    let hit = k == key;
                    self.eat(b':')?;
                    if hit {
                        self.ws();
                        return Some(());
                    }
                    self.skip_value()?;
                    self.eat(b',')?;
                }
            }
            Seg::Index(n) => {
                self.eat(b'[')?;
                for _ in 0..*n {
                    self.skip_value()?;
                    self.eat(b',')?;
                }
                self.ws();
                (self.peek()? != b']').then_some(())
            }
        }
    }
}

/// 1-based line and column (in characters) of the value at `path`.
pub fn locate(text: &str, path: &JsonPath) -> Option<(usize, usize)> {
    let mut sc = Scanner { s: text.as_bytes(), i: 0 };
    for seg in &path.0 {
        sc.descend(seg)?;
    }
    sc.ws();
    Some(line_column(text, sc.i))
}

/// 1-based line and column (in characters) of byte `offset` of `text`.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str =
        "{\n  \"a\": \"x\\\"}\",\n  \"pages\": [\n    [],\n    [ {\"t\": 1}, {\"text\": {\"en\": \"é\"}} ]\n  ]\n}";

    #[test]
    fn finds_nested_values_past_escaped_quotes() {
        let p = JsonPath::root().key("pages").index(1).index(1).key("text");
        assert_eq!(p.to_string(), "pages[1][1].text");
        assert_eq!(locate(DOC, &p), Some((5, 26)));
        assert_eq!(locate(DOC, &JsonPath::root().key("pages").index(0)), Some((4, 5)));
        assert_eq!(locate(DOC, &JsonPath::root()), Some((1, 1)));
    }

    #[test]
    fn gives_up_on_missing_paths() {
        assert_eq!(locate(DOC, &JsonPath::root().key("nope")), None);
        assert_eq!(locate(DOC, &JsonPath::root().key("pages").index(2)), None);
        assert_eq!(locate(DOC, &JsonPath::root().key("pages").index(0).index(0)), None);
    }
}
