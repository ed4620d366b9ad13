//! The `mvimg` command line: parses arguments, runs the command (src/cli/),
//! prints errors and decides the exit status.

mod cli;

use std::process::ExitCode;

use cli::args::Cli;
use cli::{cli_hint, full_message, version_text, Outcome};

fn main() -> ExitCode {
    use clap::{CommandFactory, FromArgMatches};
    // Leaked once: clap keeps the version for the life of the process.
    let version: &'static str = Box::leak(version_text().into_boxed_str());
    let matches = Cli::command().version(version).get_matches();
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    match cli::run(cli) {
        Ok(Outcome::Done) => ExitCode::SUCCESS,
        Ok(Outcome::No) => ExitCode::FAILURE,
        Ok(Outcome::CannotDecide) => ExitCode::from(2),
        // A reader that stops early (`mvimg cpus | head`) is not an error.
        Err(e)
            if e.downcast_ref::<std::io::Error>()
                .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe) =>
        {
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {}", full_message(&e));
            if let Some(hint) = cli_hint(&e) {
                eprintln!("hint: {hint}");
            }
            ExitCode::FAILURE
        }
    }
}
