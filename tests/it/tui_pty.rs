//! The real binary in a pseudo-terminal: keys in, screen read back with a VT100 parser, and the
//! terminal restored at exit (by `q` and by SIGTERM).

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const ROWS: u16 = 40;
const COLS: u16 = 140;

struct Session {
    parser: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    writer: Arc<Mutex<Box<dyn Write + Send>>>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    _master: Box<dyn portable_pty::MasterPty + Send>,
}

/// The built binary, started in a new pseudo-terminal of ROWS × COLS, with `env` set.
fn spawn(
    args: &[&str],
    env: &[(&str, &str)],
) -> (
    Box<dyn portable_pty::MasterPty + Send>,
    Box<dyn portable_pty::Child + Send + Sync>,
) {
    let pty = native_pty_system();
    let pair = pty
        .openpty(PtySize {
            rows: ROWS,
            cols: COLS,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("a pty");
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_duibi"));
    cmd.args(args);
    cmd.env("TERM", "xterm-256color");
    cmd.env_remove("NO_COLOR");
    cmd.env("XDG_CONFIG_HOME", crate::util::empty_config_home());
    cmd.env("XDG_DATA_HOME", crate::util::empty_data_home());
    cmd.cwd(env!("CARGO_MANIFEST_DIR"));
    for (k, v) in env {
        cmd.env(k, v);
    }
    let child = pair.slave.spawn_command(cmd).expect("spawns");
    (pair.master, child)
}

/// A VT100 screen of the pseudo-terminal's size.
fn screen_parser() -> vt100::Parser {
    let rows = NonZeroU16::new(ROWS).expect("non-zero");
    let cols = NonZeroU16::new(COLS).expect("non-zero");
    vt100::Parser::new(rows, cols, 0)
}

impl Session {
    fn start(args: &[&str]) -> Session {
        Session::start_with(args, &[])
    }

    fn start_with(args: &[&str], env: &[(&str, &str)]) -> Session {
        let (master, child) = spawn(args, env);
        let mut reader = master.try_clone_reader().expect("reader");
        let writer = Arc::new(Mutex::new(master.take_writer().expect("writer")));
        let parser = Arc::new(Mutex::new(screen_parser()));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let (p, r, w) = (Arc::clone(&parser), Arc::clone(&raw), Arc::clone(&writer));
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                let mut parser = p.lock().expect("parser");
                parser.process(&buf[..n]);
                // Answer a cursor position request as a terminal does.
                if buf[..n].windows(4).any(|q| q == b"\x1b[6n") {
                    let (row, col) = parser.screen().cursor_position();
                    let reply = format!("\x1b[{};{}R", row + 1, col + 1);
                    let mut w = w.lock().expect("writer");
                    let _ = w.write_all(reply.as_bytes()).and_then(|()| w.flush());
                }
                r.lock().expect("raw").extend_from_slice(&buf[..n]);
            }
        });
        Session {
            parser,
            raw,
            writer,
            child,
            _master: master,
        }
    }

    fn screen(&self) -> String {
        self.parser.lock().expect("parser").screen().contents()
    }

    /// Waits until the screen shows `text` (fails after 20 s: that is a hang, not a slow run).
    fn wait_for(&self, text: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            assert!(Instant::now() < deadline, "screen never showed {text:?}:\n{screen}");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits until the screen no longer shows `text`.
    fn wait_gone(&self, text: &str) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while self.screen().contains(text) {
            assert!(Instant::now() < deadline, "screen kept showing {text:?}");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn send(&mut self, keys: &str) {
        let mut w = self.writer.lock().expect("writer");
        w.write_all(keys.as_bytes()).expect("writes");
        w.flush().expect("flushes");
    }

    fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Some(status) = self.child.try_wait().expect("child status") {
                std::thread::sleep(Duration::from_millis(100)); // let the reader drain
                return status;
            }
            assert!(Instant::now() < deadline, "duibi did not exit");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn assert_restored(&self) {
        let raw = self.raw.lock().expect("raw").clone();
        let text = String::from_utf8_lossy(&raw);
        let entered = text.rfind("\u{1b}[?1049h").expect("entered the alternate screen");
        let left = text.rfind("\u{1b}[?1049l").expect("left the alternate screen");
        assert!(left > entered, "alternate screen left after entering it");
        let parser = self.parser.lock().expect("parser");
        assert!(!parser.screen().alternate_screen());
        assert!(!parser.screen().hide_cursor(), "cursor shown again");
    }
}

#[test]
fn keys_drive_the_interface_and_quit_restores_the_terminal() {
    let mut s = Session::start(&["--demo"]);
    s.wait_for("1/11 总体情况");
    s.send("J");
    s.wait_for("2/11 组织领导");
    // From 组织领导 (leadership), the next topic whose id starts with l.
    s.send("tl");
    s.wait_for("8/11 法律顾问");
    // The first change is at the top: `}` goes on to the second, under the change cursor.
    s.wait_for("change 1/");
    s.send("}");
    s.wait_for("change 2/");
    s.send("/");
    s.send("律师事务所\r");
    let screen = s.wait_for("/律师事务所");
    assert!(screen.contains("法律顾问"), "{screen}");
    s.send("?");
    s.wait_for("keys · 按键");
    // Esc alone: followed at once by `q` a terminal reads it as Alt-q.
    s.send("\u{1b}");
    s.wait_gone("keys · 按键");
    s.send("q");
    assert!(s.wait_exit().success());
    s.assert_restored();
}

#[test]
fn sigterm_restores_the_terminal() {
    let mut s = Session::start(&["--demo"]);
    s.wait_for("总体情况");
    let pid = s.child.process_id().expect("pid");
    let status = std::process::Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .expect("kill runs");
    assert!(status.success());
    let status = s.wait_exit();
    assert_eq!(status.exit_code(), 128 + 15, "exits as a program ended by SIGTERM");
    s.assert_restored();
}

#[test]
fn ctrl_c_quits_cleanly() {
    let mut s = Session::start(&["--demo"]);
    s.wait_for("总体情况");
    s.send("\u{3}");
    assert!(s.wait_exit().success());
    s.assert_restored();
}

#[test]
fn bad_input_fails_before_touching_the_screen() {
    let mut s = Session::start(&["no-such-file.txt", "other.txt"]);
    let status = s.wait_exit();
    assert!(!status.success());
    let raw = String::from_utf8_lossy(&s.raw.lock().expect("raw")).into_owned();
    assert!(raw.contains("no-such-file.txt: no such file"), "{raw}");
    assert!(!raw.contains("\u{1b}[?1049h"), "never entered the alternate screen");
}

/// A dropped SSH session: the terminal's master side closes under the running interface. The
/// process must end (it used to spin on the dead tty, crossterm issue #793), not linger.
#[test]
fn hang_up_ends_the_process() {
    let (master, mut child) = spawn(&["--demo"], &[]);
    let mut reader = master.try_clone_reader().expect("reader");
    let mut parser = screen_parser();
    let mut buf = [0u8; 8192];
    while !parser.screen().contents().contains("总体情况") {
        let n = reader.read(&mut buf).expect("reads the first frame");
        assert!(n > 0, "duibi closed the terminal before drawing");
        parser.process(&buf[..n]);
    }
    // Every handle on the master side goes: the kernel hangs up the terminal.
    drop(reader);
    drop(master);
    let deadline = Instant::now() + Duration::from_secs(10);
    while child.try_wait().expect("child status").is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("duibi kept running after its terminal hung up");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// `mouse = false` leaves the mouse to the terminal (for selecting text): no mouse reporting is
/// ever switched on, where by default it is.
#[test]
fn mouse_false_leaves_the_mouse_to_the_terminal() {
    const MOUSE_ON: &str = "\u{1b}[?1000h";
    let config = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("mouse-off.toml");
    std::fs::write(&config, "mouse = false\n").expect("writes");
    for (args, wanted) in [
        (vec!["--demo"], true),
        (vec!["--config", config.to_str().expect("utf-8 path"), "--demo"], false),
    ] {
        let mut s = Session::start(&args);
        s.wait_for("总体情况");
        s.send("q");
        assert!(s.wait_exit().success());
        let raw = String::from_utf8_lossy(&s.raw.lock().expect("raw")).into_owned();
        assert_eq!(raw.contains(MOUSE_ON), wanted, "{args:?}");
        s.assert_restored();
    }
}

fn kill(s: &Session, signal: &str) {
    let pid = s.child.process_id().expect("pid");
    let status = std::process::Command::new("kill")
        .args([&format!("-{signal}"), &pid.to_string()])
        .status()
        .expect("kill runs");
    assert!(status.success());
}

#[test]
fn every_terminating_signal_restores_the_terminal() {
    for (signal, number) in [("QUIT", 3), ("USR1", 10)] {
        let mut s = Session::start(&["--demo"]);
        s.wait_for("总体情况");
        kill(&s, signal);
        let status = s.wait_exit();
        assert_eq!(status.exit_code(), 128 + number, "SIG{signal}");
        s.assert_restored();
    }
}

#[test]
fn ctrl_z_suspends_and_continuing_redraws_in_raw_mode() {
    let mut s = Session::start(&["--demo"]);
    s.wait_for("1/11 总体情况");
    s.send("\u{1a}");
    // Stopped, with the terminal given back: the alternate screen left.
    let deadline = Instant::now() + Duration::from_secs(20);
    while s.parser.lock().expect("parser").screen().alternate_screen() {
        assert!(Instant::now() < deadline, "Ctrl-Z did not give the terminal back");
        std::thread::sleep(Duration::from_millis(20));
    }
    // As `fg` does: continued, the interface draws itself again and reads keys in raw mode.
    s.parser.lock().expect("parser").process(b"\x1b[2J");
    kill(&s, "CONT");
    s.wait_for("1/11 总体情况");
    s.send("J");
    s.wait_for("2/11 组织领导");
    // SIGTSTP from outside suspends the same way.
    kill(&s, "TSTP");
    let deadline = Instant::now() + Duration::from_secs(20);
    while s.parser.lock().expect("parser").screen().alternate_screen() {
        assert!(Instant::now() < deadline, "SIGTSTP did not give the terminal back");
        std::thread::sleep(Duration::from_millis(20));
    }
    kill(&s, "CONT");
    s.wait_for("2/11 组织领导");
    s.send("q");
    assert!(s.wait_exit().success());
    s.assert_restored();
}

/// The demo shown, then `d`, after which the loop stalls for five seconds (a debug build's
/// `DUIBI_TEST_STALL`), as laying out something huge on the loop would: what a key or a signal
/// must not wait for. Returns the session, and how much it had written before `d`.
fn start_a_long_layout() -> (Session, usize) {
    let mut s = Session::start_with(&["--demo"], &[("DUIBI_TEST_STALL", "d:5000")]);
    s.wait_for("side by side");
    let before = s.raw.lock().expect("raw").len();
    s.send("d");
    (s, before)
}

/// `d` on a pair of one sentence 3 MB long: the document view comes up at once with a line saying
/// the reports are being laid out (on the worker), then shows them; `q` is answered meanwhile.
#[test]
fn the_document_view_of_a_huge_pair_comes_up_at_once_and_lays_out_off_the_loop() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("one-line");
    std::fs::create_dir_all(&dir).expect("creates");
    let mut text = String::from("某局2024年法治政府建设情况报告 一、总体情况 ");
    while text.len() < 3_000_000 {
        text.push_str("我局认真落实规范性文件管理制度，完成清理工作，全年提供法律咨询16次，");
    }
    let (old, new) = (dir.join("old.txt"), dir.join("new.txt"));
    std::fs::write(&old, &text).expect("writes");
    std::fs::write(&new, text.replacen("16次", "17次", 3)).expect("writes");
    let mut s = Session::start(&[old.to_str().expect("utf-8"), new.to_str().expect("utf-8")]);
    s.wait_for("side by side");
    s.send("d");
    // The word marks, and so the layout made ahead of `d`, are not in yet in a test build.
    s.wait_for("laying out the reports");
    s.wait_for("我局认真落实");
    let raw = String::from_utf8_lossy(&s.raw.lock().expect("raw")).into_owned();
    assert!(raw.contains("document"), "the document view's frame");
    s.send("q");
    assert!(s.wait_exit().success());
    s.assert_restored();
}

/// The document view's frame was not drawn after `before`: the key or signal was answered while
/// its layout was being made.
fn answered_before_the_frame(s: &Session, before: usize) {
    let raw = s.raw.lock().expect("raw");
    let after = String::from_utf8_lossy(&raw[before..]);
    assert!(
        !after.contains("document"),
        "the document view was drawn first: {after}"
    );
}

/// `q` while the loop lays out both reports: the terminal is restored and the process ends at
/// once, not when the layout is done.
#[test]
fn q_during_a_long_layout_quits_at_once() {
    let (mut s, before) = start_a_long_layout();
    let pressed = Instant::now();
    s.send("q");
    let status = s.wait_exit();
    let took = pressed.elapsed();
    assert!(status.success());
    answered_before_the_frame(&s, before);
    s.assert_restored();
    assert!(took < Duration::from_secs(2), "{took:?}");
}

#[test]
fn a_signal_during_a_long_layout_restores_the_terminal_at_once() {
    let (s, before) = start_a_long_layout();
    let signalled = Instant::now();
    kill(&s, "TERM");
    let mut s = s;
    let status = s.wait_exit();
    let took = signalled.elapsed();
    assert_eq!(status.exit_code(), 128 + 15);
    answered_before_the_frame(&s, before);
    s.assert_restored();
    assert!(took < Duration::from_secs(2), "{took:?}");
}

#[test]
fn a_refiling_made_in_the_interface_survives_a_restart_and_changes_what_compare_prints() {
    let dir = tempfile::tempdir().expect("temp dir");
    let state = dir.path().join("review.toml");
    let state_arg = state.display().to_string();
    let json = || {
        crate::util::stdout_of(
            crate::util::duibi().args(["--state", &state_arg, "compare", "--demo", "--format", "json"]),
        )
    };
    let before = json();
    let mut s = Session::start(&["--state", &state_arg, "--demo"]);
    s.wait_for("1/11 总体情况");
    // The word marks must be ready to refile: the status line stops saying so.
    s.wait_gone("分词中");
    s.send("t8");
    s.wait_for("8/11 法律顾问");
    s.send("}");
    s.wait_for("change 2/");
    s.send("gr");
    s.wait_for("refile “");
    s.send("合同审查\r");
    s.wait_for("to 合同审查");
    s.send("v");
    s.wait_for("marked reviewed");
    s.send("q");
    assert!(s.wait_exit().success());
    let after = json();
    assert_ne!(before, after);
    assert!(after.contains("\"label\": \"合同审查\""), "{after}");
    // Opened again: the analyst's row is there, and the reviewed mark is on its row.
    let mut s = Session::start(&["--state", &state_arg, "--demo"]);
    let screen = s.wait_for("合同审查");
    assert!(screen.contains('✓'), "{screen}");
    s.send("q");
    assert!(s.wait_exit().success());
}

#[test]
fn q_while_the_reports_load_stops_at_once_with_the_terminal_as_it_was() {
    let dir = tempfile::tempdir().expect("temp dir");
    // Large enough that loading and comparing take seconds in a test build.
    let text: String = (0..120_000)
        .map(|i| {
            format!(
                "{}、全年开展执法检查{i}次,办理行政复议案件{}件,聘请法律顾问参与合同审查。\n",
                i % 9 + 1,
                i % 37
            )
        })
        .collect();
    let (a, b) = (dir.path().join("a.txt"), dir.path().join("b.txt"));
    std::fs::write(&a, &text).expect("writes");
    std::fs::write(&b, text.replace("法律顾问", "常年法律顾问")).expect("writes");
    let (a, b) = (a.display().to_string(), b.display().to_string());
    let mut s = Session::start(&[&a, &b]);
    // A load that takes more than a moment says what it reads, and how to stop it.
    let screen = s.wait_for("q stops");
    assert!(screen.contains("a.txt, b.txt ("), "{screen}");
    s.send("q");
    assert!(s.wait_exit().success());
    let raw = s.raw.lock().expect("raw").clone();
    let text = String::from_utf8_lossy(&raw);
    assert!(text.contains("stopped while loading"), "{text}");
    assert!(!text.contains("\u{1b}[?1049h"), "the screen was never taken");
    // The load's line is erased before the last one is written.
    assert!(!s.screen().contains("q stops"), "{}", s.screen());
}

#[test]
fn the_editor_opens_the_focused_report_at_the_line_of_the_current_change_and_the_screen_comes_back() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let (old, new) = (dir.path().join("2023.txt"), dir.path().join("2024.txt"));
    std::fs::copy(root.join("examples/reports/demo-2023.txt"), &old).expect("copies");
    std::fs::copy(root.join("examples/reports/demo-2024.txt"), &new).expect("copies");
    let said = dir.path().join("editor-args");
    let editor = dir.path().join("editor.sh");
    std::fs::write(&editor, format!("#!/bin/sh\necho \"$@\" > '{}'\n", said.display())).expect("writes");
    std::process::Command::new("chmod")
        .arg("+x")
        .arg(&editor)
        .status()
        .expect("chmod");
    let (old, new) = (old.display().to_string(), new.display().to_string());
    let mut s = Session::start_with(
        &[&old, &new],
        &[("EDITOR", editor.display().to_string().as_str()), ("VISUAL", "")],
    );
    s.wait_for("1/11 总体情况");
    s.send("t8");
    s.wait_for("8/11 法律顾问");
    s.send("}");
    s.wait_for("change 2/");
    s.send("l");
    s.send("e");
    s.wait_for("opened at line");
    let args = std::fs::read_to_string(&said).expect("the editor ran");
    let (line, path) = args.trim().split_once(' ').expect("two arguments");
    // The focused (right) report, unless the change is a sentence only the left one has.
    assert!(path == new || path == old, "{path}");
    let n: usize = line.trim_start_matches('+').parse().expect("a line number");
    let text = std::fs::read_to_string(path).expect("reads");
    let at = text.lines().nth(n - 1).expect("a line of the file");
    assert!(at.contains("法律") || at.contains("合同"), "line {n}: {at}");
    // The interface is drawn again, whole.
    s.wait_for("8/11 法律顾问");
    s.send("q");
    assert!(s.wait_exit().success());
    s.assert_restored();
}
