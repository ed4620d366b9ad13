// The C++ side of mvimg-llvm-shim: the few LLVM 22 facilities that the LLVM C API
// does not expose, behind a small C ABI. Every function here is called from
// llvm-shim/src/lib.rs, which owns the safety argument for each of them.
//
// Strings returned as `const char *` point into LLVM's static TableGen tables
// (processor and feature keys/descriptions) and live as long as the process.
// Strings returned through `char **` are heap copies the caller frees with
// mvimg_shim_free_string.

#include "llvm-c/TargetMachine.h"
#include "llvm/ADT/EquivalenceClasses.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Bitcode/BitcodeReader.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/GlobalIFunc.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/ReplaceConstant.h"
#include "llvm/IR/Value.h"
#include "llvm/MC/MCSubtargetInfo.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Target/TargetMachine.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/TargetParser/AArch64TargetParser.h"
#include "llvm/TargetParser/Host.h"
#include "llvm/TargetParser/SubtargetFeature.h"
#include "llvm/TargetParser/Triple.h"
#include "llvm/TargetParser/X86TargetParser.h"
#include "llvm/Transforms/Utils/Cloning.h"
#include "llvm/Transforms/Utils/ValueMapper.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace {

char *copy_string(const std::string &s) {
  char *out = static_cast<char *>(std::malloc(s.size() + 1));
  if (out != nullptr) {
    std::memcpy(out, s.c_str(), s.size() + 1);
  }
  return out;
}

void initialize_targets() {
  static std::once_flag once;
  std::call_once(once, [] {
    llvm::InitializeAllTargetInfos();
    llvm::InitializeAllTargetMCs();
  });
}

void bits_to_words(const llvm::FeatureBitset &bits, uint64_t *out) {
  for (unsigned w = 0; w < llvm::MAX_SUBTARGET_WORDS; ++w) {
    uint64_t word = 0;
    for (unsigned b = 0; b < 64; ++b) {
      if (bits.test(w * 64 + b)) {
        word |= uint64_t(1) << b;
      }
    }
    out[w] = word;
  }
}

} // namespace

/// A subtarget description created for one (triple, cpu, features) triple.
struct MvimgSubtarget {
  std::unique_ptr<llvm::MCSubtargetInfo> info;
};

extern "C" {

// Makes `tm` emit constructors and destructors (llvm.global_ctors/dtors) in
// .init_array/.fini_array, as clang does, instead of .ctors/.dtors, which
// glibc's loader never runs. The C API cannot set this option.
void mvimg_shim_use_init_array(LLVMTargetMachineRef tm) {
  reinterpret_cast<llvm::TargetMachine *>(tm)->Options.UseInitArray = true;
}

void mvimg_shim_llvm_version(unsigned *major, unsigned *minor, unsigned *patch) {
  *major = LLVM_VERSION_MAJOR;
  *minor = LLVM_VERSION_MINOR;
  *patch = LLVM_VERSION_PATCH;
}

unsigned mvimg_shim_feature_words(void) { return llvm::MAX_SUBTARGET_WORDS; }

void mvimg_shim_free_string(char *s) { std::free(s); }

/// Creates the MC subtarget for `triple` with `cpu` and `features` (LLVM's
/// "+a,-b" syntax). On failure returns null and stores LLVM's message in *error.
MvimgSubtarget *mvimg_shim_subtarget_create(const char *triple, const char *cpu,
                                            const char *features, char **error) {
  initialize_targets();
  llvm::Triple parsed(llvm::Triple::normalize(triple));
  std::string message;
  const llvm::Target *target =
      llvm::TargetRegistry::lookupTarget(parsed, message);
  if (target == nullptr) {
    *error = copy_string(message);
    return nullptr;
  }
  llvm::MCSubtargetInfo *info =
      target->createMCSubtargetInfo(parsed, cpu, features);
  if (info == nullptr) {
    *error = copy_string("the target has no MC subtarget information");
    return nullptr;
  }
  auto *handle = new MvimgSubtarget;
  handle->info.reset(info);
  return handle;
}

void mvimg_shim_subtarget_destroy(MvimgSubtarget *handle) { delete handle; }

/// The feature bits this subtarget ended up with after LLVM applied the CPU's
/// features, the feature string and every implication.
void mvimg_shim_subtarget_bits(const MvimgSubtarget *handle, uint64_t *out) {
  bits_to_words(handle->info->getFeatureBits(), out);
}

size_t mvimg_shim_feature_count(const MvimgSubtarget *handle) {
  return handle->info->getAllProcessorFeatures().size();
}

/// Feature `index` of the target's table: key, description, its bit number and
/// the bits it directly implies.
void mvimg_shim_feature_at(const MvimgSubtarget *handle, size_t index,
                           const char **key, const char **description,
                           unsigned *bit, uint64_t *implies) {
  const llvm::SubtargetFeatureKV &kv =
      handle->info->getAllProcessorFeatures()[index];
  *key = kv.Key;
  *description = kv.Desc;
  *bit = kv.Value;
  bits_to_words(kv.Implies.getAsBitset(), implies);
}

size_t mvimg_shim_processor_count(const MvimgSubtarget *handle) {
  return handle->info->getAllProcessorDescriptions().size();
}

/// Processor `index` of the target's table: key, the features it implies and
/// the tuning features it implies (both direct, as TableGen lists them).
void mvimg_shim_processor_at(const MvimgSubtarget *handle, size_t index,
                             const char **key, uint64_t *implies,
                             uint64_t *tune_implies) {
  const llvm::SubtargetSubTypeKV &kv =
      handle->info->getAllProcessorDescriptions()[index];
  *key = kv.Key;
  bits_to_words(kv.Implies.getAsBitset(), implies);
  bits_to_words(kv.TuneImplies.getAsBitset(), tune_implies);
}

/// X86TargetParser's processor kind for `name`, or -1 when LLVM's x86 target
/// parser does not accept it as a 64-bit CPU. Names with the same kind are
/// aliases of each other in LLVM.
int mvimg_shim_x86_cpu_kind(const char *name) {
  llvm::X86::CPUKind kind = llvm::X86::parseArchX86(name, /*Only64Bit=*/true);
  return kind == llvm::X86::CK_None ? -1 : static_cast<int>(kind);
}

/// The name AArch64TargetParser resolves `name` to (itself unless an alias),
/// or null when the AArch64 target parser does not know it.
char *mvimg_shim_aarch64_cpu_canonical(const char *name) {
  llvm::StringRef resolved = llvm::AArch64::resolveCPUAlias(name);
  if (!llvm::AArch64::parseCpu(resolved).has_value()) {
    return nullptr;
  }
  return copy_string(resolved.str());
}

/// The CPU names LLVM's target parser lists for x86_64 (`arch` 0, 64-bit capable
/// names only) or AArch64 (`arch` 1), in the parser's own table order, joined
/// with commas. Null for any other `arch`.
char *mvimg_shim_target_parser_cpus(int arch) {
  llvm::SmallVector<llvm::StringRef, 256> names;
  if (arch == 0) {
    llvm::X86::fillValidCPUArchList(names, /*Only64Bit=*/true);
  } else if (arch == 1) {
    llvm::AArch64::fillValidCPUArchList(names);
  } else {
    return nullptr;
  }
  std::string joined;
  for (llvm::StringRef name : names) {
    if (!joined.empty()) {
      joined += ',';
    }
    joined += name.str();
  }
  return copy_string(joined);
}

/// LLVM's Arm/AArch64 CPU name for a /proc/cpuinfo text of `len` bytes
/// (sys::detail::getHostCPUNameForARM), as a heap copy.
char *mvimg_shim_host_cpu_name_for_arm(const char *text, size_t len) {
  return copy_string(
      llvm::sys::detail::getHostCPUNameForARM(llvm::StringRef(text, len)).str());
}

// Clones the body of `src` into `dst`, an empty function of the same type in the
// same module. Uses of from[i] in the body become to[i] (callee remapping). The
// subprogram is cloned too (LocalChangesOnly), so both functions keep valid
// debug info. The source's attributes, calling convention and personality are
// copied; the destination keeps its own name, linkage, visibility, DLL storage
// class and (no) comdat.
void mvimg_shim_clone_body(LLVMValueRef src, LLVMValueRef dst, const LLVMValueRef *from,
                           const LLVMValueRef *to, size_t count) {
  auto *source = llvm::unwrap<llvm::Function>(src);
  auto *dest = llvm::unwrap<llvm::Function>(dst);
  llvm::ValueToValueMapTy map;
  auto dest_arg = dest->arg_begin();
  for (llvm::Argument &arg : source->args()) {
    dest_arg->setName(arg.getName());
    map[&arg] = &*dest_arg++;
  }
  for (size_t i = 0; i < count; ++i) {
    map[llvm::unwrap(from[i])] = llvm::unwrap(to[i]);
  }
  auto linkage = dest->getLinkage();
  auto visibility = dest->getVisibility();
  auto storage = dest->getDLLStorageClass();
  llvm::SmallVector<llvm::ReturnInst *, 8> returns;
  llvm::CloneFunctionInto(dest, source, map, llvm::CloneFunctionChangeType::LocalChangesOnly,
                          returns);
  dest->setLinkage(linkage);
  dest->setVisibility(visibility);
  dest->setDLLStorageClass(storage);
  dest->setComdat(nullptr);
}

// Rewrites every constant expression that uses a defined function of `mod`
// (a ptrtoint, a pointer plus an offset, ...) and is itself used by an
// instruction into equivalent instructions, so that each such use of the
// function is a plain instruction operand. Global initializers are left alone.
void mvimg_shim_expand_function_constants(LLVMModuleRef mod) {
  llvm::Module &module = *llvm::unwrap(mod);
  llvm::SmallVector<llvm::Constant *, 16> functions;
  for (llvm::Function &f : module.functions()) {
    if (!f.isDeclaration() && !f.isIntrinsic()) {
      functions.push_back(&f);
    }
  }
  llvm::convertUsersOfConstantsToInstructions(functions);
}

// Assigns every defined global of `mod` to one of `parts` partitions and
// reports each as sink(cx, name, name_len, partition). Every defined global
// must have a name. Globals that must stay together share a partition: an
// alias with its aliasee, the members of a comdat, an ifunc with its
// resolver. A cluster goes to the partition given by a hash (64-bit FNV-1a)
// of its least name cut at ".mvimg." (so a function, its clones, slot, stub
// and trampoline go together), modulo `parts`: the result depends only on the
// names, and editing one function moves nothing else.
void mvimg_shim_assign_partitions(LLVMModuleRef mod, unsigned parts,
                                  void (*sink)(void *cx, const char *name, size_t len,
                                               unsigned part),
                                  void *cx) {
  llvm::Module &module = *llvm::unwrap(mod);
  llvm::EquivalenceClasses<const llvm::GlobalValue *> clusters;
  llvm::DenseMap<const llvm::Comdat *, const llvm::GlobalValue *> comdats;
  auto record = [&](llvm::GlobalValue &value) {
    if (value.isDeclaration()) {
      return;
    }
    clusters.insert(&value);
    if (const llvm::Comdat *comdat = value.getComdat()) {
      auto &first = comdats[comdat];
      if (first != nullptr) {
        clusters.unionSets(first, &value);
      } else {
        first = &value;
      }
    }
    if (const llvm::GlobalObject *root = value.getAliaseeObject()) {
      if (root != &value) {
        clusters.unionSets(&value, root);
      }
    }
    if (const auto *ifunc = llvm::dyn_cast<llvm::GlobalIFunc>(&value)) {
      if (const llvm::Function *resolver = ifunc->getResolverFunction()) {
        clusters.unionSets(&value, resolver);
      }
    }
  };
  for (llvm::Function &f : module.functions()) {
    record(f);
  }
  for (llvm::GlobalVariable &v : module.globals()) {
    record(v);
  }
  for (llvm::GlobalAlias &a : module.aliases()) {
    record(a);
  }
  for (llvm::GlobalIFunc &i : module.ifuncs()) {
    record(i);
  }

  for (const auto &entry : clusters) {
    if (!entry->isLeader()) {
      continue;
    }
    std::string least;
    for (auto member = clusters.member_begin(*entry); member != clusters.member_end();
         ++member) {
      std::string name = (*member)->getName().str();
      if (least.empty() || name < least) {
        least = name;
      }
    }
    size_t cut = least.find(".mvimg.");
    if (cut != std::string::npos && cut > 0) {
      least.resize(cut);
    }
    uint64_t hash = 0xcbf29ce484222325ull;
    for (unsigned char c : least) {
      hash = (hash ^ c) * 0x100000001b3ull;
    }
    unsigned part = static_cast<unsigned>(hash % parts);
    for (auto member = clusters.member_begin(*entry); member != clusters.member_end();
         ++member) {
      llvm::StringRef name = (*member)->getName();
      sink(cx, name.data(), name.size(), part);
    }
  }
}

// Reads `len` bytes of bitcode into a new module of `ctx`, lazily, keeping the
// definitions for which keep(cx, name, len) is true: every other function,
// variable and alias becomes a declaration before its body is read, so only
// the kept bodies are materialized. Declarations nothing uses are removed, and
// so is the module's inline asm unless `keep_asm`. Returns the module, or null
// with *error set to a heap string (free with mvimg_shim_free_string).
LLVMModuleRef mvimg_shim_load_partition(LLVMContextRef ctx, const char *data, size_t len,
                                        bool (*keep)(void *cx, const char *name, size_t len),
                                        void *cx, bool keep_asm, char **error) {
  *error = nullptr;
  llvm::MemoryBufferRef buffer(llvm::StringRef(data, len), "partition");
  auto lazy = llvm::getLazyBitcodeModule(buffer, *llvm::unwrap(ctx));
  if (!lazy) {
    *error = copy_string(llvm::toString(lazy.takeError()));
    return nullptr;
  }
  std::unique_ptr<llvm::Module> module = std::move(*lazy);
  auto kept = [&](const llvm::GlobalValue &value) {
    llvm::StringRef name = value.getName();
    return keep(cx, name.data(), name.size());
  };
  for (llvm::Function &f : module->functions()) {
    if (!f.isDeclaration() && !kept(f)) {
      f.deleteBody();
      f.setComdat(nullptr);
    }
  }
  for (llvm::GlobalVariable &v : module->globals()) {
    if (!v.isDeclaration() && !kept(v)) {
      v.setInitializer(nullptr);
      v.setLinkage(llvm::GlobalValue::ExternalLinkage);
      v.setComdat(nullptr);
    }
  }
  for (auto it = module->alias_begin(); it != module->alias_end();) {
    llvm::GlobalAlias &alias = *it++;
    if (kept(alias)) {
      continue;
    }
    llvm::GlobalValue *declaration;
    if (llvm::isa<llvm::Function>(alias.getAliaseeObject())) {
      declaration = llvm::Function::Create(
          llvm::cast<llvm::FunctionType>(alias.getValueType()),
          llvm::GlobalValue::ExternalLinkage, alias.getAddressSpace(), "", module.get());
    } else {
      declaration = new llvm::GlobalVariable(
          *module, alias.getValueType(), false, llvm::GlobalValue::ExternalLinkage, nullptr,
          "", nullptr, llvm::GlobalValue::NotThreadLocal, alias.getAddressSpace());
    }
    declaration->takeName(&alias);
    declaration->setVisibility(alias.getVisibility());
    declaration->setDLLStorageClass(alias.getDLLStorageClass());
    alias.replaceAllUsesWith(declaration);
    alias.eraseFromParent();
  }
  for (auto it = module->ifunc_begin(); it != module->ifunc_end();) {
    llvm::GlobalIFunc &ifunc = *it++;
    if (kept(ifunc)) {
      continue;
    }
    auto *declaration = llvm::Function::Create(
        llvm::cast<llvm::FunctionType>(ifunc.getValueType()), llvm::GlobalValue::ExternalLinkage,
        ifunc.getAddressSpace(), "", module.get());
    declaration->takeName(&ifunc);
    declaration->setVisibility(ifunc.getVisibility());
    ifunc.replaceAllUsesWith(declaration);
    ifunc.eraseFromParent();
  }
  if (llvm::Error failed = module->materializeAll()) {
    *error = copy_string(llvm::toString(std::move(failed)));
    return nullptr;
  }
  if (!keep_asm) {
    module->setModuleInlineAsm("");
  }
  for (auto it = module->begin(); it != module->end();) {
    llvm::Function &f = *it++;
    if (f.isDeclaration() && f.use_empty()) {
      f.eraseFromParent();
    }
  }
  for (auto it = module->global_begin(); it != module->global_end();) {
    llvm::GlobalVariable &v = *it++;
    if (v.isDeclaration() && v.use_empty()) {
      v.eraseFromParent();
    }
  }
  return llvm::wrap(module.release());
}

} // extern "C"

