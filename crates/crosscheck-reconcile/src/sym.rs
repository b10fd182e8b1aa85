//! Interned strings, so that a claim's subject, metric, scope and unit are
//! four bytes each and ten million claims share one copy of each phrase.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
// A seeded hash, several times cheaper than SipHash on short strings:
// every claim interns its subject, metric, scope and unit, and the strings
// come from documents, so a fixed-key hash could be flooded.
use foldhash::{HashMap, HashMapExt};
use std::sync::{OnceLock, RwLock};

/// An interned string: cheap to copy, compare and hash.
///
/// The numbers behind symbols depend on the order strings were first seen
/// (which varies with the thread count), so anything that orders output
/// compares [`Sym::as_str`], never the number.
///
/// ```
/// use crosscheck_reconcile::Sym;
/// let a = Sym::new("exports");
/// assert_eq!(a, Sym::new("exports"));
/// assert_eq!(a.as_str(), "exports");
/// assert!(Sym::EMPTY.is_empty());
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Sym(u32);

struct Interner {
    map: HashMap<&'static str, u32>,
    strs: Vec<&'static str>,
}

fn interner() -> &'static RwLock<Interner> {
    static I: OnceLock<RwLock<Interner>> = OnceLock::new();
    I.get_or_init(|| {
        let mut map = HashMap::new();
        map.insert("", 0);
        RwLock::new(Interner {
            map,
            strs: vec![""],
        })
    })
}

/// Interns `s` in the process-wide table: its number and the kept copy.
fn intern(s: &str) -> (u32, &'static str) {
    {
        let r = interner().read().unwrap_or_else(|e| e.into_inner());
        if let Some((&kept, &i)) = r.map.get_key_value(s) {
            return (i, kept);
        }
    }
    let mut w = interner().write().unwrap_or_else(|e| e.into_inner());
    if let Some((&kept, &i)) = w.map.get_key_value(s) {
        return (i, kept);
    }
    let leaked: &'static str = Box::leak(s.to_owned().into_boxed_str());
    let i = w.strs.len() as u32;
    w.strs.push(leaked);
    w.map.insert(leaked, i);
    (i, leaked)
}

/// What this thread has already looked up. Every worker interns and reads
/// symbols for every claim; through the shared table alone, each lookup
/// took its lock, and the lock's cache line went back and forth between
/// the cores. The strings themselves are the shared table's; a thread
/// holds only a map entry and a pointer per symbol it has met.
#[derive(Default)]
struct Seen {
    ids: HashMap<&'static str, u32>,
    strs: Vec<&'static str>,
}

thread_local! {
    static SEEN: std::cell::RefCell<Seen> = std::cell::RefCell::new(Seen::default());
}

impl Sym {
    /// The empty string.
    pub const EMPTY: Sym = Sym(0);

    /// Interns `s`. Strings are kept for the life of the process: the
    /// vocabulary of subjects, metrics, scopes and units is small.
    pub fn new(s: &str) -> Sym {
        if s.is_empty() {
            return Sym::EMPTY;
        }
        let known = SEEN.try_with(|seen| seen.borrow().ids.get(s).copied());
        if let Ok(Some(i)) = known {
            return Sym(i);
        }
        Sym::new_to_this_thread(s)
    }

    /// [`Sym::new`] for a string this thread has not interned yet: kept out
    /// of line, so that the look-up every claim makes saves no registers
    /// for the locking and copying it seldom needs.
    #[cold]
    #[inline(never)]
    fn new_to_this_thread(s: &str) -> Sym {
        let (i, interned) = intern(s);
        // A thread gone past its locals (a destructor) just asks again.
        let _ = SEEN.try_with(|seen| seen.borrow_mut().ids.insert(interned, i));
        Sym(i)
    }

    /// The string.
    // Inlined: reports read a symbol's string for every claim they order,
    // and the look-up is a few instructions once the rare path is apart.
    #[inline]
    pub fn as_str(self) -> &'static str {
        let known = SEEN.try_with(|seen| seen.borrow().strs.get(self.0 as usize).copied());
        match known {
            Ok(Some(s)) => s,
            _ => self.str_not_seen_by_this_thread(),
        }
    }

    /// [`Sym::as_str`] for a symbol interned since this thread last looked
    /// (or on a thread gone past its locals): out of line, as it locks.
    #[cold]
    #[inline(never)]
    fn str_not_seen_by_this_thread(self) -> &'static str {
        let i = self.0 as usize;
        SEEN.try_with(|seen| {
            let mut seen = seen.borrow_mut();
            if let Some(&s) = seen.strs.get(i) {
                return s;
            }
            // Take the pointers to what was interned since this thread last
            // looked (the strings stay shared), then read without the lock.
            let r = interner().read().unwrap_or_else(|e| e.into_inner());
            let from = seen.strs.len();
            seen.strs
                .extend_from_slice(r.strs.get(from..).unwrap_or(&[]));
            seen.strs.get(i).copied().unwrap_or("")
        })
        .unwrap_or_else(|_| {
            let r = interner().read().unwrap_or_else(|e| e.into_inner());
            r.strs.get(i).copied().unwrap_or("")
        })
    }

    /// The strings of every symbol interned so far, indexed by number: a
    /// pass over millions of claims can then read a fact about each symbol
    /// from a table by [`Sym::id`] instead of reading its string per claim.
    pub(crate) fn interned() -> Vec<&'static str> {
        let r = interner().read().unwrap_or_else(|e| e.into_inner());
        r.strs.clone()
    }

    /// The symbol's number: stable within a run only (see the type's docs).
    pub fn id(self) -> u32 {
        self.0
    }

    /// True for the empty string.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
}

impl std::fmt::Debug for Sym {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", self.as_str())
    }
}

impl std::fmt::Display for Sym {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Sym {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Sym {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Ok(Sym::new(&s))
    }
}
