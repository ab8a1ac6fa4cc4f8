//! "Restart the kiosk": the program ends with an exit code of its own, and the service manager
//! starts it again. iced's `run()` hands nothing of the app back to `main`, so the wanted code is
//! kept here, process-wide, for `main` to read once the window has closed.

use std::sync::LazyLock;
use std::sync::atomic::{AtomicU8, Ordering};

/// The exit code of a restart asked for by staff: 75 is `EX_TEMPFAIL` of sysexits.h ("a
/// temporary failure, try again"). It is neither 0 (closed on purpose, `allow_exit`), 1 (an
/// error) nor 2 (a bad config), so the kiosk's systemd unit (`Restart=always`, and
/// `RestartForceExitStatus=75` should `Restart=` ever be narrowed) and its journal tell a restart
/// staff asked for from a crash or a close.
pub const RESTART_EXIT_CODE: u8 = 75;

static EXIT_CODE: AtomicU8 = AtomicU8::new(0);

/// Remembers that the program is ending to be started again.
pub fn request() {
    EXIT_CODE.store(RESTART_EXIT_CODE, Ordering::SeqCst);
}

/// What `main` returns after the window closed: [`RESTART_EXIT_CODE`] after [`request`], else 0.
pub fn exit_code() -> u8 {
    EXIT_CODE.load(Ordering::SeqCst)
}

/// Whether a service manager runs the kiosk and so starts it again: systemd gives every process
/// of a unit `INVOCATION_ID`. Without one (`cargo run`, a terminal) the program only closes, and
/// the staff screen says it must be started again by hand. Read once: it cannot change.
pub fn supervised() -> bool {
    static SUPERVISED: LazyLock<bool> =
        LazyLock::new(|| std::env::var_os("INVOCATION_ID").is_some());
    *SUPERVISED
}
