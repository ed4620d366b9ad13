// In-process LLD 22 for mvimg-link: one C entry point that runs lld::lldMain with
// the ELF, MinGW, COFF and Mach-O drivers, captures LLD's output, and reports
// whether LLD can run again in this process.
//
// Rules kept here (see link/src/lld.rs for the Rust side):
// - one global mutex serialises every call: LLD's drivers share global state;
// - crash recovery is enabled once, so a fatal LLD error returns instead of
//   ending the process;
// - argv[0] selects the flavor (`ld.lld` or `ld64.lld`); a separate `-m i386pep`
//   sends a gnu-flavor link to the MinGW driver.

#include "lld/Common/Driver.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdlib>
#include <cstring>
#include <mutex>
#include <string>
#include <vector>

LLD_HAS_DRIVER(elf)
LLD_HAS_DRIVER(coff)
LLD_HAS_DRIVER(mingw)
LLD_HAS_DRIVER(macho)

namespace {

std::mutex lld_mutex;

char *copy_string(const std::string &s) {
  char *out = static_cast<char *>(std::malloc(s.size() + 1));
  if (out != nullptr) {
    std::memcpy(out, s.c_str(), s.size() + 1);
  }
  return out;
}

} // namespace

extern "C" {

/// Runs LLD with `argc` arguments (argv[0] is the driver name). Returns LLD's exit
/// code; `*out` and `*err` receive heap copies of what LLD printed (free with
/// mvimg_lld_free); `*can_run_again` is 0 when LLD hit a fatal error and its
/// in-process state can no longer be trusted.
int mvimg_lld_link(int argc, const char *const *argv, char **out, char **err,
                   int *can_run_again) {
  std::lock_guard<std::mutex> guard(lld_mutex);
  static std::once_flag crash_recovery;
  std::call_once(crash_recovery, [] { llvm::CrashRecoveryContext::Enable(); });

  std::vector<const char *> args(argv, argv + argc);
  std::string out_text, err_text;
  llvm::raw_string_ostream out_stream(out_text), err_stream(err_text);
  const lld::DriverDef drivers[] = {
      {lld::Gnu, &lld::elf::link},
      {lld::MinGW, &lld::mingw::link},
      {lld::WinLink, &lld::coff::link},
      {lld::Darwin, &lld::macho::link},
  };
  lld::Result result = lld::lldMain(args, out_stream, err_stream, drivers);
  out_stream.flush();
  err_stream.flush();
  *out = copy_string(out_text);
  *err = copy_string(err_text);
  *can_run_again = result.canRunAgain ? 1 : 0;
  return result.retCode;
}

/// Frees a string returned by mvimg_lld_link.
void mvimg_lld_free(char *s) { std::free(s); }

} // extern "C"
