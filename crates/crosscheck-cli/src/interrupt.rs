//! Ctrl-C: the first one stops the run cleanly (documents under way
//! finish, their cache entries are written whole, no report is written);
//! a second one exits at once.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};

static FLAG: OnceLock<Arc<AtomicBool>> = OnceLock::new();

/// The flag the pipeline watches; installs the handler on first use.
pub fn flag() -> Arc<AtomicBool> {
    FLAG.get_or_init(|| {
        let flag = Arc::new(AtomicBool::new(false));
        let f = flag.clone();
        let installed = ctrlc::set_handler(move || {
            if f.swap(true, Ordering::SeqCst) {
                // Cache entries are written by rename, so even now none is torn.
                std::process::exit(130);
            }
            eprintln!("crosscheck: interrupted; finishing the documents under way (Ctrl-C again to stop now)");
        });
        if let Err(e) = installed {
            tracing::debug!("no Ctrl-C handler: {e}");
        }
        flag
    })
    .clone()
}
