//! The `hamish` binary: parses arguments, then opens the window or runs a headless command.

use clap::Parser;
use hamish::cli::{run_command, Cli};
use std::process::ExitCode;

fn main() -> ExitCode {
    match try_main() {
        Ok(code) => code,
        Err(err) => {
            // Paths and messages may hold anything a file name can; one escaped line each.
            let message = format!("{err:#}");
            eprintln!(
                "hamish: {}",
                hamish::workspace::terminal::escape_line(&message)
            );
            ExitCode::from(2)
        }
    }
}

fn try_main() -> anyhow::Result<ExitCode> {
    let cli = Cli::parse();
    match cli.command {
        Some(command) => run_command(command),
        None => {
            hamish::ui::run_window(cli.file.as_deref())
                .map_err(|err| anyhow::anyhow!("cannot open the window: {err}"))?;
            Ok(ExitCode::SUCCESS)
        }
    }
}
