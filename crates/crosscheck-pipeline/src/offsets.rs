use serde::{Deserialize, Serialize};

/// A stretch of text made of equal units: each `tunit` bytes of text come
/// from `funit` bytes of the source. ASCII copied as is is `(1, 1)`; ASCII
/// decoded from UTF-16 is `(1, 2)`; a CJK character decoded from GBK is
/// `(3, 2)`; an entity `&amp;` is one unit `(1, 5)`; a line break the
/// extractor inserted for a block tag is `(1, 0)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
struct Run {
    text: u32,
    file: u32,
    tunit: u32,
    funit: u32,
}

/// One step of the way from text offsets back to source offsets.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
struct Layer {
    /// Sorted by `text` and by `file`; text not covered by a run does not exist.
    runs: Vec<Run>,
    text_len: u32,
    file_len: u32,
}

impl Layer {
    /// The run holding text byte `t` (the last run starting at or before it).
    fn run_at(&self, t: u32) -> Option<usize> {
        match self.runs.binary_search_by_key(&t, |r| r.text) {
            Ok(i) => Some(i),
            Err(0) => None,
            Err(i) => Some(i - 1),
        }
    }

    fn next_file(&self, i: usize) -> u32 {
        self.runs.get(i + 1).map_or(self.file_len, |r| r.file)
    }

    fn to_file(&self, t: u32) -> u32 {
        if t >= self.text_len {
            return self.file_len;
        }
        let Some(i) = self.run_at(t) else { return 0 };
        let r = &self.runs[i];
        let units = (t - r.text) / r.tunit.max(1);
        r.file
            .saturating_add(units.saturating_mul(r.funit))
            .min(self.next_file(i))
    }

    fn to_file_end(&self, e: u32) -> u32 {
        if e == 0 {
            return self.runs.first().map_or(0, |r| r.file);
        }
        let Some(i) = self.run_at(e - 1) else {
            return 0;
        };
        let r = &self.runs[i];
        let units = (e - r.text).div_ceil(r.tunit.max(1));
        r.file
            .saturating_add(units.saturating_mul(r.funit))
            .min(self.next_file(i))
    }

    fn to_text(&self, f: u32) -> u32 {
        // Runs are sorted by file offset too; take the last starting at or before `f`.
        let i = self.runs.partition_point(|r| r.file <= f);
        if i == 0 {
            return 0;
        }
        let i = i - 1;
        let r = &self.runs[i];
        let next_text = self.runs.get(i + 1).map_or(self.text_len, |n| n.text);
        let units = f.saturating_sub(r.file).checked_div(r.funit).unwrap_or(0);
        r.text
            .saturating_add(units.saturating_mul(r.tunit))
            .min(next_text)
    }
}

/// Builds one layer of an [`OffsetMap`] piece by piece, in text order.
#[derive(Debug, Default)]
pub(crate) struct LayerBuilder {
    layer: Layer,
}

impl LayerBuilder {
    /// A builder with room for `runs` runs before it grows.
    pub(crate) fn with_capacity(runs: usize) -> Self {
        LayerBuilder {
            layer: Layer {
                runs: Vec::with_capacity(runs),
                ..Layer::default()
            },
        }
    }

    /// Records that the next `count` units of text, `tunit` bytes each,
    /// come from `count` units of `funit` bytes each starting at source
    /// offset `file`.
    pub(crate) fn push(&mut self, file: usize, count: usize, tunit: usize, funit: usize) {
        if count == 0 || tunit == 0 {
            return;
        }
        let (file, tunit, funit) = (file as u32, tunit as u32, funit as u32);
        let text = self.layer.text_len;
        self.layer.text_len += (count as u32) * tunit;
        if let Some(last) = self.layer.runs.last() {
            let units = (text - last.text) / last.tunit;
            if last.tunit == tunit && last.funit == funit && last.file + units * last.funit == file
            {
                return;
            }
        }
        self.layer.runs.push(Run {
            text,
            file,
            tunit,
            funit,
        });
    }

    fn finish(mut self, file_len: usize) -> Layer {
        self.layer.file_len = file_len as u32;
        self.layer
    }
}

/// Maps offsets in a document's plain text back to byte offsets in the
/// file, through each step that made the text (decoding, markup removal).
///
/// ```
/// use crosscheck_pipeline::Document;
///
/// // "caf\u{e9}" in Windows-1252: the é is one byte in the file, two in the text.
/// let doc = Document::from_bytes("a.txt", b"Le caf\xe9 a 43 tables.").unwrap();
/// let at = doc.text.find("43").unwrap();
/// assert_eq!(doc.offsets.to_file(at), 10);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct OffsetMap {
    /// Outermost (closest to the file) first. Empty: text offsets are file offsets.
    layers: Vec<Layer>,
}

impl OffsetMap {
    /// Text offsets are file offsets.
    pub fn identity() -> Self {
        OffsetMap::default()
    }

    /// True when text offsets are file offsets.
    pub fn is_identity(&self) -> bool {
        self.layers.is_empty()
    }

    /// Adds a step that made a new text out of the current one.
    pub(crate) fn then(mut self, layer: LayerBuilder, source_len: usize) -> Self {
        self.layers.push(layer.finish(source_len));
        self
    }

    /// The file offset where the text starting at `at` comes from.
    pub fn to_file(&self, at: usize) -> usize {
        let mut t = at.min(u32::MAX as usize) as u32;
        for layer in self.layers.iter().rev() {
            t = layer.to_file(t);
        }
        t as usize
    }

    /// The file offset just past the source of the text ending at `end`
    /// (exclusive), so that `to_file(start)..to_file_end(end)` covers the
    /// whole source of a span, markup inside it included.
    pub fn to_file_end(&self, end: usize) -> usize {
        let mut t = end.min(u32::MAX as usize) as u32;
        for layer in self.layers.iter().rev() {
            t = layer.to_file_end(t);
        }
        t as usize
    }

    /// How many bytes [`OffsetMap::write_to`] writes.
    pub(crate) fn encoded_len(&self) -> usize {
        4 + self
            .layers
            .iter()
            .map(|l| 12 + 16 * l.runs.len())
            .sum::<usize>()
    }

    /// Appends the map to `out` as little-endian `u32`s: the number of
    /// layers, then per layer its number of runs, text and file lengths and
    /// each run's four fields. Fixed widths, for the spill of documents
    /// held while a run lasts: bincode's variable-length integers, one
    /// call per field, were most of what setting a document aside cost.
    pub(crate) fn write_to(&self, out: &mut Vec<u8>) {
        out.reserve(self.encoded_len());
        out.extend_from_slice(&(self.layers.len() as u32).to_le_bytes());
        for l in &self.layers {
            for n in [l.runs.len() as u32, l.text_len, l.file_len] {
                out.extend_from_slice(&n.to_le_bytes());
            }
            for r in &l.runs {
                let mut w = [0u8; 16];
                for (k, n) in [r.text, r.file, r.tunit, r.funit].into_iter().enumerate() {
                    w[4 * k..4 * k + 4].copy_from_slice(&n.to_le_bytes());
                }
                out.extend_from_slice(&w);
            }
        }
    }

    /// The map [`OffsetMap::write_to`] wrote as `bytes`, all of them;
    /// `None` when they are not one.
    pub(crate) fn read_from(bytes: &[u8]) -> Option<OffsetMap> {
        let mut words = bytes.chunks_exact(4).map(|c| {
            let mut w = [0u8; 4];
            w.copy_from_slice(c);
            u32::from_le_bytes(w)
        });
        if bytes.len() % 4 != 0 {
            return None;
        }
        let mut next = || words.next();
        let layers = next()? as usize;
        let mut map = OffsetMap {
            layers: Vec::with_capacity(layers.min(bytes.len() / 12)),
        };
        for _ in 0..layers {
            let (runs, text_len, file_len) = (next()? as usize, next()?, next()?);
            let mut layer = Layer {
                runs: Vec::with_capacity(runs.min(bytes.len() / 16)),
                text_len,
                file_len,
            };
            for _ in 0..runs {
                layer.runs.push(Run {
                    text: next()?,
                    file: next()?,
                    tunit: next()?,
                    funit: next()?,
                });
            }
            map.layers.push(layer);
        }
        next().is_none().then_some(map)
    }

    /// The text offset of the text that file offset `at` became (the
    /// nearest text at or before it when the byte was markup).
    pub fn to_text(&self, at: usize) -> usize {
        let mut f = at.min(u32::MAX as usize) as u32;
        for layer in &self.layers {
            f = layer.to_text(f);
        }
        f as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uniform_runs_merge_and_map_both_ways() {
        // "ab" copied, then three 3-byte chars from 2-byte sources, then "c".
        let mut b = LayerBuilder::default();
        b.push(0, 2, 1, 1);
        b.push(2, 1, 3, 2);
        b.push(4, 1, 3, 2);
        b.push(6, 1, 3, 2);
        b.push(8, 1, 1, 1);
        let map = OffsetMap::identity().then(b, 9);
        assert_eq!(map.layers[0].runs.len(), 3);
        assert_eq!(map.to_file(0), 0);
        assert_eq!(map.to_file(2), 2);
        assert_eq!(map.to_file(5), 4);
        assert_eq!(map.to_file(11), 8);
        assert_eq!(map.to_file_end(5), 4);
        assert_eq!(map.to_file_end(11), 8);
        assert_eq!(map.to_file_end(12), 9);
        assert_eq!(map.to_text(4), 5);
        assert_eq!(map.to_text(8), 11);
    }

    #[test]
    fn maps_read_back_as_written() {
        for map in [OffsetMap::identity(), decoded_then_extracted()] {
            let mut bytes = vec![7];
            map.write_to(&mut bytes);
            assert_eq!(bytes.len(), 1 + map.encoded_len());
            assert_eq!(OffsetMap::read_from(&bytes[1..]), Some(map.clone()));
            // Cut short or with bytes to spare, it is no map.
            for cut in [bytes.len() - 1, bytes.len() - 4] {
                assert_eq!(OffsetMap::read_from(&bytes[1..cut]), None);
            }
            bytes.extend_from_slice(&[0; 4]);
            assert_eq!(OffsetMap::read_from(&bytes[1..]), None);
        }
    }

    /// A map of two layers: decoding, then markup removal.
    fn decoded_then_extracted() -> OffsetMap {
        // Decoding: UTF-16 ASCII, 2 file bytes per text byte.
        let mut dec = LayerBuilder::default();
        dec.push(2, 10, 1, 2);
        // Markup: text 3..6 dropped, rest kept.
        let mut mk = LayerBuilder::default();
        mk.push(0, 3, 1, 1);
        mk.push(6, 4, 1, 1);
        OffsetMap::identity().then(dec, 22).then(mk, 10)
    }

    #[test]
    fn layers_compose() {
        let map = decoded_then_extracted();
        assert_eq!(map.to_file(0), 2);
        assert_eq!(map.to_file(3), 14);
        assert_eq!(map.to_file_end(3), 8);
        assert_eq!(map.to_text(14), 3);
    }
}
