//! A progress bar on stderr, shown only when stderr is a terminal and the
//! run has gone on for more than a second: short runs and pipes stay silent.

use crosscheck_pipeline::Progress;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Delay before the bar appears.
const SHOW_AFTER: Duration = Duration::from_secs(1);

pub struct Bar {
    bar: Option<ProgressBar>,
}

impl Bar {
    pub fn new(total: usize, quiet: bool) -> Self {
        if quiet || !std::io::stderr().is_terminal() || total < 2 {
            return Bar { bar: None };
        }
        let bar = ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::hidden());
        bar.set_style(
            ProgressStyle::with_template("{bar:40} {pos}/{len} documents, {per_sec}, ETA {eta}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        Bar { bar: Some(bar) }
    }

    /// The pipeline's callback, or `None` when there is no bar.
    pub fn callback(&self) -> Option<Progress> {
        let bar = self.bar.clone()?;
        let started = Instant::now();
        let shown = std::sync::atomic::AtomicBool::new(false);
        Some(Arc::new(move |done, _total| {
            if !shown.load(std::sync::atomic::Ordering::Relaxed) && started.elapsed() > SHOW_AFTER {
                shown.store(true, std::sync::atomic::Ordering::Relaxed);
                bar.set_draw_target(ProgressDrawTarget::stderr());
            }
            bar.set_position(done as u64);
        }))
    }

    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
