//! Helpers shared by the integration tests.

use std::path::PathBuf;

use assert_cmd::Command;

pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The duibi binary with a clean, colour-free environment.
pub fn duibi() -> Command {
    let mut cmd = Command::cargo_bin("duibi").expect("binary builds");
    cmd.env_remove("CLICOLOR_FORCE").env("NO_COLOR", "1");
    cmd
}

pub fn stdout_of(cmd: &mut Command) -> String {
    let out = cmd.assert().success().get_output().stdout.clone();
    String::from_utf8(out).expect("utf-8 output")
}
