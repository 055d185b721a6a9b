//! What the user can ask and how they ask it: the [`Action`] registry, a terminal-independent
//! [`Key`], and keymaps that bind key sequences to actions per [`Mode`]. Read by `config` (keymap
//! files) and by `view` (key resolution); knows nothing of either's state.

pub mod action;
pub mod hints;
pub mod key;
pub mod keymap;
pub mod sequence;

pub use action::Action;
pub use hints::Hints;
pub use key::{Key, KeyCode};
pub use keymap::{Keymap, Lookup, Mode};
pub use sequence::Sequence;
