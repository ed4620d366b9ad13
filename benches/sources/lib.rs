//! Empty: this package only names the crates whose C sources the benchmark suite uses.
