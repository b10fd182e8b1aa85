//! Tokens, sentences and paragraphs with byte offsets.
//!
//! This is the first stage of crosscheck: every later stage (numbers,
//! entities, claims) reads the [`Token`]s and sentence [`Span`]s made here.
//! Offsets are UTF-8 byte offsets into the text given, `end` exclusive, so a
//! token's text is always `&text[token.span().range()]` (or `token.text(text)`).
//!
//! ```
//! use crosscheck_text::{tokenize, sentences, TokenKind};
//!
//! let text = "Exports rose 77.5% to RMB 43bn. Geely Auto Co., Ltd. said so.";
//! let tokens = tokenize(text);
//! let figure = tokens.iter().find(|t| t.kind == TokenKind::Number).unwrap();
//! assert_eq!(figure.text(text), "77.5");
//! let sents = sentences(text, &tokens);
//! assert_eq!(sents.len(), 2);
//! assert_eq!(sents[1].text(text), "Geely Auto Co., Ltd. said so.");
//! ```

mod lines;
mod segment;
mod sentence;
mod span;
mod tokenize;

pub use lines::LineIndex;
pub use sentence::{paragraphs, sentences};
pub use span::Span;
pub use tokenize::{
    tokenize, tokenize_and_split_into, tokenize_into, tokenize_with, Shape, Token, TokenKind,
};
