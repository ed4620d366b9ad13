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
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/MathExtras.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/DebugInfo.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/DebugProgramInstruction.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/GlobalAlias.h"
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
#include <map>
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

// The users of `value` reached through constants that are not globals: the
// instructions and globals that use it, directly or inside constant
// expressions and aggregates; each once.
llvm::SmallVector<llvm::User *, 8> reached_users(llvm::Value *value) {
  llvm::SmallVector<llvm::User *, 8> out;
  llvm::SmallVector<llvm::User *, 8> work(value->users());
  llvm::SmallPtrSet<llvm::User *, 8> seen;
  while (!work.empty()) {
    llvm::User *user = work.pop_back_val();
    if (!seen.insert(user).second) {
      continue;
    }
    if (llvm::isa<llvm::Constant>(user) && !llvm::isa<llvm::GlobalValue>(user)) {
      work.append(user->user_begin(), user->user_end());
    } else {
      out.push_back(user);
    }
  }
  return out;
}

// The compile unit describing `value`: a function's subprogram's, or the
// unit in the scope of a variable's first description; null when none.
const llvm::DICompileUnit *unit_of(const llvm::GlobalValue &value) {
  if (const auto *f = llvm::dyn_cast<llvm::Function>(&value)) {
    const llvm::DISubprogram *sp = f->getSubprogram();
    return sp == nullptr ? nullptr : sp->getUnit();
  }
  const auto *v = llvm::dyn_cast<llvm::GlobalVariable>(&value);
  if (v == nullptr) {
    return nullptr;
  }
  llvm::SmallVector<llvm::DIGlobalVariableExpression *, 1> described;
  v->getDebugInfo(described);
  if (described.empty() || described.front()->getVariable() == nullptr) {
    return nullptr;
  }
  const llvm::DIScope *scope = described.front()->getVariable()->getScope();
  if (const auto *unit = llvm::dyn_cast_or_null<llvm::DICompileUnit>(scope)) {
    return unit;
  }
  if (const auto *local = llvm::dyn_cast_or_null<llvm::DILocalScope>(scope)) {
    const llvm::DISubprogram *sp = local->getSubprogram();
    return sp == nullptr ? nullptr : sp->getUnit();
  }
  return nullptr;
}

// The partition of every definition of `module`, among `parts`. Globals that
// must stay together share a partition: an alias with its aliasee, the members
// of a comdat, an ifunc with its resolver, a function with whatever takes the
// address of one of its blocks (a blockaddress may only name a function
// defined in its own module). A cluster's key is its least name cut at
// ".mvimg." (so a function, its clones, slot, stub and trampoline go
// together). A cluster without debug information goes to the partition given
// by a hash (64-bit FNV-1a) of its key, modulo `parts`. A cluster described by
// a compile unit (a function's subprogram, or a variable's description) is kept
// with its unit: the unit is cut into `pieces` pieces, the power of two at
// least its instructions over the ideal partition's (the module's
// instructions over `parts`), at most `parts`; the key's hash picks the piece
// and piece i of a unit goes to partition (hash of the unit's file + i) modulo
// `parts`. So the unit's types are described by as many partitions as it has
// pieces, not by nearly every partition (each partition holding a unit
// describes the types its code uses again). The result depends only on the
// module and `parts`; editing one function moves nothing else unless its
// unit's size class changes. Every defined global must have a name.
llvm::DenseMap<const llvm::GlobalValue *, unsigned> partition_of(llvm::Module &module,
                                                                 unsigned parts) {
  parts = std::max(parts, 1u);
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
  // Block addresses: every global that uses one, through constants, joins the
  // function whose block it names.
  for (llvm::Function &f : module.functions()) {
    for (llvm::BasicBlock &block : f) {
      if (!block.hasAddressTaken()) {
        continue;
      }
      llvm::BlockAddress *address = llvm::BlockAddress::lookup(&block);
      if (address == nullptr) {
        continue;
      }
      for (llvm::User *user : reached_users(address)) {
        const llvm::GlobalValue *owner = nullptr;
        if (const auto *instruction = llvm::dyn_cast<llvm::Instruction>(user)) {
          owner = instruction->getFunction();
        } else {
          owner = llvm::dyn_cast<llvm::GlobalValue>(user);
        }
        if (owner != nullptr && !owner->isDeclaration() && owner != &f) {
          clusters.unionSets(owner, &f);
        }
      }
    }
  }

  // Instructions of every defined function, and of each compile unit's.
  uint64_t instructions = 0;
  llvm::DenseMap<const llvm::DICompileUnit *, uint64_t> unit_instructions;
  for (const llvm::Function &f : module.functions()) {
    uint64_t count = f.getInstructionCount();
    instructions += count;
    if (const llvm::DICompileUnit *unit = unit_of(f)) {
      unit_instructions[unit] += count;
    }
  }
  uint64_t ideal = std::max<uint64_t>(1, (instructions + parts - 1) / parts);
  auto fnv = [](uint64_t hash, llvm::StringRef text) {
    for (unsigned char c : text) {
      hash = (hash ^ c) * 0x100000001b3ull;
    }
    return hash;
  };
  const uint64_t basis = 0xcbf29ce484222325ull;

  llvm::DenseMap<const llvm::GlobalValue *, unsigned> out;
  for (const auto &entry : clusters) {
    if (!entry->isLeader()) {
      continue;
    }
    std::string least;
    const llvm::DICompileUnit *unit = nullptr;
    for (auto member = clusters.member_begin(*entry); member != clusters.member_end();
         ++member) {
      std::string name = (*member)->getName().str();
      if (least.empty() || name < least) {
        least = name;
      }
      if (unit == nullptr) {
        unit = unit_of(**member);
      }
    }
    size_t cut = least.find(".mvimg.");
    if (cut != std::string::npos && cut > 0) {
      least.resize(cut);
    }
    uint64_t hash = fnv(basis, least);
    unsigned part = static_cast<unsigned>(hash % parts);
    if (unit != nullptr) {
      uint64_t size = unit_instructions.lookup(unit);
      uint64_t pieces = llvm::PowerOf2Ceil(std::max<uint64_t>(1, (size + ideal - 1) / ideal));
      pieces = std::min<uint64_t>(pieces, parts);
      uint64_t first = fnv(fnv(basis, unit->getDirectory()), unit->getFilename());
      part = static_cast<unsigned>((first % parts + hash % pieces) % parts);
    }
    for (auto member = clusters.member_begin(*entry); member != clusters.member_end();
         ++member) {
      out[*member] = part;
    }
  }
  return out;
}

// The GlobalValue-level properties of `from` that a declaration standing for
// it in another module keeps: visibility, DLL storage, unnamed_addr, thread
// locality and dso_local.
void copy_reference_properties(llvm::GlobalValue &to, const llvm::GlobalValue &from) {
  to.setVisibility(from.getVisibility());
  to.setDLLStorageClass(from.getDLLStorageClass());
  to.setUnnamedAddr(from.getUnnamedAddr());
  to.setThreadLocalMode(from.getThreadLocalMode());
  to.setDSOLocal(from.isDSOLocal());
}

// Declarations, in a partition's module, of the globals its definitions
// reference and another partition defines (or nobody does): made the first
// time the value mapper meets one. A function defined elsewhere is declared
// as deleting its body would leave it (attributes, no metadata, no
// personality or prefix data); a variable keeps its attributes and metadata;
// an alias or ifunc becomes a declaration of its value type; a declaration
// of the whole module is copied with its linkage (extern_weak stays weak) and
// metadata.
class Declarations final : public llvm::ValueMaterializer {
public:
  explicit Declarations(llvm::Module &out) : out_(out) {}
  void set_mapper(llvm::ValueToValueMapTy *vmap) { vmap_ = vmap; }

  llvm::Value *materialize(llvm::Value *value) override {
    auto *global = llvm::dyn_cast<llvm::GlobalValue>(value);
    if (global == nullptr) {
      return nullptr;
    }
    auto linkage = global->isDeclaration() ? global->getLinkage()
                                           : llvm::GlobalValue::ExternalLinkage;
    llvm::GlobalValue *declared = nullptr;
    if (auto *f = llvm::dyn_cast<llvm::Function>(global)) {
      llvm::Function *d = llvm::Function::Create(f->getFunctionType(), linkage,
                                                 f->getAddressSpace(), f->getName(), &out_);
      d->copyAttributesFrom(f);
      d->setPersonalityFn(nullptr);
      d->setPrefixData(nullptr);
      d->setPrologueData(nullptr);
      d->setComdat(nullptr);
      declared = d;
      if (f->isDeclaration()) {
        pending_.emplace_back(d, f);
      }
    } else if (auto *v = llvm::dyn_cast<llvm::GlobalVariable>(global)) {
      auto *d = new llvm::GlobalVariable(out_, v->getValueType(), v->isConstant(), linkage,
                                         nullptr, v->getName(), nullptr,
                                         v->getThreadLocalMode(), v->getAddressSpace());
      d->copyAttributesFrom(v);
      d->setComdat(nullptr);
      declared = d;
      pending_.emplace_back(d, v);
    } else if (llvm::isa<llvm::GlobalIFunc>(global) ||
               llvm::isa_and_nonnull<llvm::Function>(global->getAliaseeObject())) {
      llvm::Function *d = llvm::Function::Create(
          llvm::cast<llvm::FunctionType>(global->getValueType()),
          llvm::GlobalValue::ExternalLinkage, global->getAddressSpace(), global->getName(),
          &out_);
      copy_reference_properties(*d, *global);
      declared = d;
    } else {
      auto *d = new llvm::GlobalVariable(out_, global->getValueType(), false,
                                         llvm::GlobalValue::ExternalLinkage, nullptr,
                                         global->getName(), nullptr,
                                         global->getThreadLocalMode(),
                                         global->getAddressSpace());
      copy_reference_properties(*d, *global);
      declared = d;
    }
    return declared;
  }

  // Attaches `from`'s metadata, mapped, to `to`. Not called while the mapper
  // runs: declarations made during a mapping queue theirs (see finish).
  void copy_metadata(llvm::GlobalObject &to, const llvm::GlobalObject &from) {
    llvm::SmallVector<std::pair<unsigned, llvm::MDNode *>, 1> attached;
    from.getAllMetadata(attached);
    for (const auto &[kind, node] : attached) {
      to.addMetadata(kind, *llvm::MapMetadata(node, *vmap_, llvm::RF_None, nullptr, this));
    }
  }

  // Copies the queued declarations' metadata (which may declare more).
  void finish() {
    while (!pending_.empty()) {
      auto [to, from] = pending_.back();
      pending_.pop_back();
      copy_metadata(*to, *from);
    }
  }

private:
  llvm::Module &out_;
  llvm::ValueToValueMapTy *vmap_ = nullptr;
  std::vector<std::pair<llvm::GlobalObject *, const llvm::GlobalObject *>> pending_;
};

void copy_comdat(llvm::GlobalObject &to, const llvm::GlobalObject &from) {
  if (const llvm::Comdat *comdat = from.getComdat()) {
    llvm::Comdat *copy = to.getParent()->getOrInsertComdat(comdat->getName());
    copy->setSelectionKind(comdat->getSelectionKind());
    to.setComdat(copy);
  }
}

// Calls `f` on every metadata root of `module`, in a fixed order: its named
// metadata's operands (but `llvm.dbg.cu` when `skip_units`), its global
// objects' attachments, its instructions' attachments (the debug location
// among them) and their debug records' variables, labels and locations.
// With `rewrite`, each root is replaced by what `f` returns.
template <class F>
void each_metadata_root(llvm::Module &module, bool skip_units, bool rewrite, F f) {
  for (llvm::NamedMDNode &named : module.named_metadata()) {
    if (skip_units && named.getName() == "llvm.dbg.cu") {
      continue;
    }
    for (unsigned i = 0; i < named.getNumOperands(); ++i) {
      llvm::MDNode *node = f(named.getOperand(i));
      if (rewrite) {
        named.setOperand(i, node);
      }
    }
  }
  llvm::SmallVector<std::pair<unsigned, llvm::MDNode *>, 4> attached;
  auto attachments = [&](auto &holder) {
    attached.clear();
    holder.getAllMetadata(attached);
    for (auto &[kind, node] : attached) {
      llvm::MDNode *mapped = f(node);
      if (rewrite) {
        holder.setMetadata(kind, mapped);
      }
    }
  };
  for (llvm::GlobalObject &object : module.global_objects()) {
    attachments(object);
    auto *function = llvm::dyn_cast<llvm::Function>(&object);
    if (function == nullptr) {
      continue;
    }
    for (llvm::BasicBlock &block : *function) {
      for (llvm::Instruction &instruction : block) {
        attachments(instruction);
        for (llvm::DbgRecord &record : instruction.getDbgRecordRange()) {
          if (auto *value = llvm::dyn_cast<llvm::DbgVariableRecord>(&record)) {
            auto *variable = llvm::cast<llvm::DILocalVariable>(f(value->getVariable()));
            if (rewrite) {
              value->setVariable(variable);
            }
          } else if (auto *label = llvm::dyn_cast<llvm::DbgLabelRecord>(&record)) {
            auto *mapped = llvm::cast<llvm::DILabel>(f(label->getLabel()));
            if (rewrite) {
              label->setLabel(mapped);
            }
          }
          if (llvm::DILocation *at = record.getDebugLoc().get()) {
            auto *mapped = llvm::cast<llvm::DILocation>(f(at));
            if (rewrite) {
              record.setDebugLoc(llvm::DebugLoc(mapped));
            }
          }
        }
      }
    }
  }
}

// Calls `visit` once on every metadata node `module` reaches from its roots
// (each_metadata_root), operands after the node that holds them, in a fixed
// order.
template <class Visit>
void reached_metadata(llvm::Module &module, bool skip_units, Visit visit) {
  llvm::DenseSet<const llvm::Metadata *> seen;
  std::vector<llvm::Metadata *> work;
  each_metadata_root(module, skip_units, false, [&](llvm::MDNode *root) {
    work.push_back(root);
    while (!work.empty()) {
      llvm::Metadata *md = work.back();
      work.pop_back();
      auto *node = llvm::dyn_cast_or_null<llvm::MDNode>(md);
      if (node == nullptr || !seen.insert(node).second) {
        continue;
      }
      visit(node);
      for (const llvm::MDOperand &op : llvm::reverse(node->operands())) {
        work.push_back(op.get());
      }
    }
    return root;
  });
}

// Descriptions of functions a partition's code inlined from compile units
// none of its definitions belong to ("foreign" units) move into the unit of
// the first function that inlined them. In one module LLVM describes such an
// inlined function once, in its own unit, and the inlining units refer to it;
// in a partition that unit would be emitted only for that description and
// would describe again every type the function's variables use (a
// partition of an interpreter may inline from twenty units). The ordinary
// build describes a header's `static inline` function in every unit that
// inlines it, the same way. Each moved subprogram is a distinct copy in the
// host unit (same name, file, line and type; its lexical blocks, variables
// and labels copied with it), and every location and variable or label record
// naming it is rewritten. Locations outside inlined code are not changed.
class InlineRetarget {
public:
  explicit InlineRetarget(llvm::Module &out) : cx_(out.getContext()) {
    for (const llvm::Function &f : out.functions()) {
      if (const llvm::DICompileUnit *unit = unit_of(f)) {
        home_.insert(unit);
      }
    }
    for (const llvm::GlobalVariable &v : out.globals()) {
      if (const llvm::DICompileUnit *unit = v.isDeclaration() ? nullptr : unit_of(v)) {
        home_.insert(unit);
      }
    }
    for (llvm::Function &f : out.functions()) {
      const llvm::DISubprogram *sp = f.getSubprogram();
      if (f.isDeclaration() || sp == nullptr || sp->getUnit() == nullptr) {
        continue;
      }
      host_ = sp->getUnit();
      for (llvm::BasicBlock &block : f) {
        for (llvm::Instruction &instruction : block) {
          retarget(instruction);
        }
      }
    }
    for (auto &[moved, original] : moved_) {
      llvm::SmallVector<llvm::Metadata *, 8> kept;
      for (llvm::DINode *node : original->getRetainedNodes()) {
        if (auto *variable = llvm::dyn_cast<llvm::DILocalVariable>(node)) {
          kept.push_back(this->variable(variable));
        } else if (auto *label = llvm::dyn_cast<llvm::DILabel>(node)) {
          kept.push_back(this->label(label));
        }
      }
      moved->replaceRetainedNodes(llvm::MDTuple::get(cx_, kept));
    }
    reached_metadata(out, true, [&](llvm::MDNode *node) {
      if (auto *unit = llvm::dyn_cast<llvm::DICompileUnit>(node)) {
        named_.insert(unit);
      }
    });
  }

  // Whether the partition's metadata still names `unit` (a type local to a
  // function of another unit does, for one).
  bool names(const llvm::DICompileUnit *unit) const { return named_.contains(unit); }

private:
  void retarget(llvm::Instruction &instruction) {
    if (llvm::DILocation *at = instruction.getDebugLoc().get()) {
      llvm::DILocation *moved = location(at);
      if (moved != at) {
        instruction.setDebugLoc(llvm::DebugLoc(moved));
      }
    }
    for (llvm::DbgRecord &record : instruction.getDbgRecordRange()) {
      if (auto *value = llvm::dyn_cast<llvm::DbgVariableRecord>(&record)) {
        value->setVariable(variable(value->getVariable()));
      } else if (auto *label = llvm::dyn_cast<llvm::DbgLabelRecord>(&record)) {
        label->setLabel(this->label(label->getLabel()));
      }
      if (llvm::DILocation *at = record.getDebugLoc().get()) {
        record.setDebugLoc(llvm::DebugLoc(location(at)));
      }
    }
    if (instruction.getMetadata(llvm::LLVMContext::MD_loop) != nullptr) {
      llvm::updateLoopMetadataDebugLocations(instruction, [&](llvm::Metadata *node) {
        auto *at = llvm::dyn_cast_or_null<llvm::DILocation>(node);
        return at == nullptr ? node : location(at);
      });
    }
  }

  llvm::DIScope *scope(llvm::DIScope *original) {
    if (original == nullptr) {
      return nullptr;
    }
    auto found = scopes_.find(original);
    if (found != scopes_.end()) {
      return found->second;
    }
    llvm::DIScope *result = original;
    if (auto *sp = llvm::dyn_cast<llvm::DISubprogram>(original)) {
      if (sp->getUnit() != nullptr && !home_.contains(sp->getUnit())) {
        llvm::TempDISubprogram copy = sp->clone();
        copy->replaceUnit(const_cast<llvm::DICompileUnit *>(host_));
        auto *moved = llvm::MDNode::replaceWithDistinct(std::move(copy));
        moved_.emplace_back(moved, sp);
        result = moved;
      }
    } else if (auto *block = llvm::dyn_cast<llvm::DILexicalBlock>(original)) {
      llvm::DIScope *parent = scope(block->getScope());
      if (parent != block->getScope()) {
        result = llvm::DILexicalBlock::getDistinct(cx_, llvm::cast<llvm::DILocalScope>(parent),
                                                   block->getFile(), block->getLine(),
                                                   block->getColumn());
      }
    } else if (auto *file = llvm::dyn_cast<llvm::DILexicalBlockFile>(original)) {
      llvm::DIScope *parent = scope(file->getScope());
      if (parent != file->getScope()) {
        result = llvm::DILexicalBlockFile::get(cx_, llvm::cast<llvm::DILocalScope>(parent),
                                               file->getFile(), file->getDiscriminator());
      }
    }
    scopes_[original] = result;
    return result;
  }

  // `node` with operand 0 (its scope) replaced by the scope's new home.
  template <class Node> Node *rescoped(Node *node) {
    if (node == nullptr) {
      return nullptr;
    }
    llvm::DIScope *old = node->getScope();
    llvm::DIScope *moved = scope(old);
    if (moved == old) {
      return node;
    }
    auto copy = node->clone();
    copy->replaceOperandWith(0, moved);
    return llvm::MDNode::replaceWithUniqued(std::move(copy));
  }

  llvm::DILocalVariable *variable(llvm::DILocalVariable *original) {
    return rescoped(original);
  }

  llvm::DILabel *label(llvm::DILabel *original) { return rescoped(original); }

  llvm::DILocation *location(llvm::DILocation *original) {
    if (original == nullptr || original->getInlinedAt() == nullptr) {
      return original;
    }
    auto found = locations_.find(original);
    if (found != locations_.end()) {
      return found->second;
    }
    llvm::DIScope *moved_scope = scope(original->getScope());
    llvm::DILocation *moved_at = location(original->getInlinedAt());
    llvm::DILocation *result = original;
    if (moved_scope != original->getScope() || moved_at != original->getInlinedAt()) {
      result = llvm::DILocation::get(cx_, original->getLine(), original->getColumn(),
                                     llvm::cast<llvm::DILocalScope>(moved_scope), moved_at,
                                     original->isImplicitCode(), original->getAtomGroup(),
                                     original->getAtomRank());
    }
    locations_[original] = result;
    return result;
  }

  llvm::LLVMContext &cx_;
  llvm::SmallPtrSet<const llvm::DICompileUnit *, 8> home_;
  llvm::SmallPtrSet<const llvm::DICompileUnit *, 8> named_;
  const llvm::DICompileUnit *host_ = nullptr;
  llvm::DenseMap<llvm::DIScope *, llvm::DIScope *> scopes_;
  llvm::DenseMap<llvm::DILocation *, llvm::DILocation *> locations_;
  std::vector<std::pair<llvm::DISubprogram *, llvm::DISubprogram *>> moved_;
};

// Where each compile unit's debug information goes in a split: its whole
// description (enumerations, retained types, imported entities, macros and
// the variables no definition carries) once, in its owner partition (the
// first that holds one of its functions; partition 0 when none does); a
// global variable's description with the variable's definition. Every other
// partition that names the unit (a function or variable of it; code inlined
// from it goes to the inlining unit, see InlineRetarget) gets a copy without
// those lists. Before, every partition
// copied every unit whole: the image carried each unit's lists once per
// partition.
struct UnitPlacement {
  llvm::DenseMap<const llvm::DICompileUnit *, unsigned> owner;
  // Variable descriptions some global definition of the module carries.
  llvm::SmallPtrSet<const llvm::Metadata *, 32> carried;

  UnitPlacement(const llvm::Module &module,
                const llvm::DenseMap<const llvm::GlobalValue *, unsigned> &assigned) {
    for (const llvm::Function &f : module.functions()) {
      const llvm::DISubprogram *sp = f.getSubprogram();
      auto found = assigned.find(&f);
      if (sp == nullptr || sp->getUnit() == nullptr || found == assigned.end()) {
        continue;
      }
      auto [entry, inserted] = owner.try_emplace(sp->getUnit(), found->second);
      if (!inserted) {
        entry->second = std::min(entry->second, found->second);
      }
    }
    described_definitions(module, carried);
  }

  // Adds to `out` the debug descriptions of the variables `module` defines.
  static void described_definitions(const llvm::Module &module,
                                    llvm::SmallPtrSet<const llvm::Metadata *, 32> &out) {
    for (const llvm::GlobalVariable &v : module.globals()) {
      if (v.isDeclaration()) {
        continue;
      }
      llvm::SmallVector<llvm::DIGlobalVariableExpression *, 1> described;
      v.getDebugInfo(described);
      out.insert(described.begin(), described.end());
    }
  }

  unsigned owner_of(const llvm::DICompileUnit *unit) const {
    auto found = owner.find(unit);
    return found == owner.end() ? 0 : found->second;
  }

  // Lists in `out` (partition `part`) the units its contents reached while
  // they were mapped, and the units it owns; trims each as described above.
  void place(const llvm::Module &module, llvm::Module &out, unsigned part,
             llvm::ValueToValueMapTy &vmap, llvm::ValueMaterializer &materializer) const {
    llvm::SmallPtrSet<const llvm::Metadata *, 32> here;
    described_definitions(out, here);
    InlineRetarget retarget(out);
    llvm::NamedMDNode *units = nullptr;
    for (llvm::DICompileUnit *unit : module.debug_compile_units()) {
      std::optional<llvm::Metadata *> mapped = vmap.getMappedMD(unit);
      bool owned = owner_of(unit) == part;
      if (mapped && !owned && !retarget.names(llvm::cast<llvm::DICompileUnit>(*mapped))) {
        mapped.reset();
      }
      if (!mapped && !owned) {
        continue;
      }
      auto *copy = llvm::cast<llvm::DICompileUnit>(
          mapped ? *mapped
                 : llvm::MapMetadata(unit, vmap, llvm::RF_None, nullptr, &materializer));
      if (units == nullptr) {
        units = out.getOrInsertNamedMetadata("llvm.dbg.cu");
      }
      units->addOperand(copy);
      if (copy == unit) {
        continue;
      }
      auto before = unit->getGlobalVariables();
      auto after = copy->getGlobalVariables();
      if (before.size() == after.size()) {
        llvm::SmallVector<llvm::Metadata *, 16> kept;
        for (unsigned i = 0; i < after.size(); ++i) {
          if (here.contains(after[i]) || (owned && !carried.contains(before[i]))) {
            kept.push_back(after[i]);
          }
        }
        copy->replaceGlobalVariables(llvm::MDTuple::get(out.getContext(), kept));
      }
      if (!owned) {
        copy->replaceEnumTypes(nullptr);
        copy->replaceRetainedTypes(nullptr);
        copy->replaceImportedEntities(nullptr);
        copy->replaceMacros(nullptr);
      }
    }
  }
};

// One partition of `module`: a new module of its context with the
// definitions `members` (in `module`'s order, one cluster list) and
// declarations of what they reference; its inline asm if `keep_asm`; its
// compile units as `units` places them for partition `part`.
std::unique_ptr<llvm::Module> split_part(const llvm::Module &module,
                                         const std::vector<const llvm::GlobalValue *> &members,
                                         bool keep_asm, unsigned part,
                                         const UnitPlacement &units) {
  auto out = std::make_unique<llvm::Module>(module.getModuleIdentifier(), module.getContext());
  out->setSourceFileName(module.getSourceFileName());
  out->setDataLayout(module.getDataLayout());
  out->setTargetTriple(module.getTargetTriple());
  if (keep_asm) {
    out->setModuleInlineAsm(module.getModuleInlineAsm());
  }
  llvm::ValueToValueMapTy vmap;
  Declarations declarations(*out);
  declarations.set_mapper(&vmap);
  auto map = [&](const llvm::Constant *c) {
    return llvm::MapValue(c, vmap, llvm::RF_None, nullptr, &declarations);
  };

  // Every definition first, so that references among them find each other.
  for (const llvm::GlobalValue *member : members) {
    llvm::GlobalValue *copy = nullptr;
    if (const auto *v = llvm::dyn_cast<llvm::GlobalVariable>(member)) {
      auto *g = new llvm::GlobalVariable(*out, v->getValueType(), v->isConstant(),
                                         v->getLinkage(), nullptr, v->getName(), nullptr,
                                         v->getThreadLocalMode(), v->getAddressSpace());
      g->copyAttributesFrom(v);
      copy = g;
    } else if (const auto *f = llvm::dyn_cast<llvm::Function>(member)) {
      llvm::Function *g = llvm::Function::Create(f->getFunctionType(), f->getLinkage(),
                                                 f->getAddressSpace(), f->getName(), out.get());
      g->copyAttributesFrom(f);
      copy = g;
    } else if (const auto *a = llvm::dyn_cast<llvm::GlobalAlias>(member)) {
      llvm::GlobalAlias *g = llvm::GlobalAlias::create(
          a->getValueType(), a->getAddressSpace(), a->getLinkage(), a->getName(), out.get());
      g->copyAttributesFrom(a);
      copy = g;
    } else if (const auto *i = llvm::dyn_cast<llvm::GlobalIFunc>(member)) {
      llvm::GlobalIFunc *g = llvm::GlobalIFunc::create(
          i->getValueType(), i->getAddressSpace(), i->getLinkage(), i->getName(), nullptr,
          out.get());
      g->copyAttributesFrom(i);
      copy = g;
    }
    vmap[member] = copy;
  }
  // Then their contents: function bodies first, so that a block address in
  // an initializer finds its block copied.
  for (const llvm::GlobalValue *member : members) {
    llvm::GlobalValue *copy = llvm::cast<llvm::GlobalValue>(vmap[member]);
    if (const auto *f = llvm::dyn_cast<llvm::Function>(member)) {
      auto *g = llvm::cast<llvm::Function>(copy);
      auto arg = g->arg_begin();
      for (const llvm::Argument &a : f->args()) {
        arg->setName(a.getName());
        vmap[&a] = &*arg++;
      }
      llvm::SmallVector<llvm::ReturnInst *, 8> returns;
      llvm::CloneFunctionInto(g, f, vmap, llvm::CloneFunctionChangeType::ClonedModule, returns,
                              "", nullptr, nullptr, &declarations);
      copy_comdat(*g, *f);
    }
  }
  for (const llvm::GlobalValue *member : members) {
    llvm::GlobalValue *copy = llvm::cast<llvm::GlobalValue>(vmap[member]);
    if (const auto *v = llvm::dyn_cast<llvm::GlobalVariable>(member)) {
      auto *g = llvm::cast<llvm::GlobalVariable>(copy);
      declarations.copy_metadata(*g, *v);
      if (v->hasInitializer()) {
        g->setInitializer(map(v->getInitializer()));
      }
      copy_comdat(*g, *v);
    } else if (const auto *a = llvm::dyn_cast<llvm::GlobalAlias>(member)) {
      llvm::cast<llvm::GlobalAlias>(copy)->setAliasee(map(a->getAliasee()));
    } else if (const auto *i = llvm::dyn_cast<llvm::GlobalIFunc>(member)) {
      llvm::cast<llvm::GlobalIFunc>(copy)->setResolver(map(i->getResolver()));
    }
  }
  for (const llvm::NamedMDNode &named : module.named_metadata()) {
    if (named.getName() == "llvm.dbg.cu") {
      continue;
    }
    llvm::NamedMDNode *copy = out->getOrInsertNamedMetadata(named.getName());
    for (const llvm::MDNode *node : named.operands()) {
      copy->addOperand(llvm::MapMetadata(node, vmap, llvm::RF_None, nullptr, &declarations));
    }
  }
  declarations.finish();
  units.place(module, *out, part, vmap, declarations);
  declarations.finish();
  return out;
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
  // A variable mapped to one without an initializer (a block-address table
  // of the source, see mvimg_shim_block_tables) gets the source's, mapped:
  // its block addresses name the destination's blocks.
  for (size_t i = 0; i < count; ++i) {
    auto *table = llvm::dyn_cast<llvm::GlobalVariable>(llvm::unwrap(from[i]));
    auto *copy = llvm::dyn_cast<llvm::GlobalVariable>(llvm::unwrap(to[i]));
    if (table != nullptr && copy != nullptr && table->hasInitializer() &&
        !copy->hasInitializer()) {
      copy->setInitializer(llvm::MapValue(table->getInitializer(), map));
    }
  }
}

// The block-address tables of `fn`: the variables whose initializers take the
// address of one of its blocks, each reported once as sink(cx, variable). A
// table must be local (internal or private) and used by `fn`'s instructions
// only, so that a copy of `fn` can have a copy of it; a block address used
// anywhere else (another function, another variable, an exported table)
// escapes. Returns the first user through which one escapes, or null.
LLVMValueRef mvimg_shim_block_tables(LLVMValueRef fn, void (*sink)(void *cx, LLVMValueRef table),
                                     void *cx) {
  auto *function = llvm::unwrap<llvm::Function>(fn);
  auto inside = [&](llvm::User *user) {
    auto *instruction = llvm::dyn_cast<llvm::Instruction>(user);
    return instruction != nullptr && instruction->getFunction() == function;
  };
  llvm::SmallPtrSet<llvm::GlobalVariable *, 4> tables;
  for (llvm::BasicBlock &block : *function) {
    if (!block.hasAddressTaken()) {
      continue;
    }
    llvm::BlockAddress *address = llvm::BlockAddress::lookup(&block);
    if (address == nullptr) {
      continue;
    }
    for (llvm::User *user : reached_users(address)) {
      if (inside(user)) {
        continue;
      }
      auto *table = llvm::dyn_cast<llvm::GlobalVariable>(user);
      if (table == nullptr || !table->hasLocalLinkage()) {
        return llvm::wrap(user);
      }
      if (!tables.insert(table).second) {
        continue;
      }
      for (llvm::User *reader : reached_users(table)) {
        if (!inside(reader)) {
          return llvm::wrap(reader);
        }
      }
      sink(cx, llvm::wrap(table));
    }
  }
  return nullptr;
}

// Replaces every use of `from` by `to` (in instructions, constants, global
// initializers, aliases) except as the callee of a call and in block
// addresses, which must keep naming `from`'s blocks.
void mvimg_shim_replace_address_uses(LLVMValueRef from, LLVMValueRef to) {
  llvm::Value *old = llvm::unwrap(from);
  old->replaceUsesWithIf(llvm::unwrap(to), [](llvm::Use &use) {
    llvm::User *user = use.getUser();
    if (llvm::isa<llvm::BlockAddress>(user)) {
      return false;
    }
    auto *call = llvm::dyn_cast<llvm::CallBase>(user);
    return call == nullptr || !call->isCallee(&use);
  });
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

// Splits `mod` into `parts` new modules of its context, one pass over it: the
// partition of each definition is partition_of's. Partition p holds p's
// definitions and declarations of what they reference, nothing else (module
// inline asm goes to partition 0 only); named metadata is copied into every
// partition but the compile units, which UnitPlacement places. First every definition is reported as name(cx, name, name_len,
// p), in module order; then each module, owned by the callee from then on, is
// handed to sink(cx, p, module) in partition order, before the next is built.
// `mod` is not changed.
void mvimg_shim_split_module(LLVMModuleRef mod, unsigned parts,
                             void (*name)(void *cx, const char *name, size_t len,
                                          unsigned part),
                             void (*sink)(void *cx, unsigned part, LLVMModuleRef partition),
                             void *cx) {
  const llvm::Module &module = *llvm::unwrap(mod);
  parts = std::max(parts, 1u);
  auto assigned = partition_of(*llvm::unwrap(mod), parts);
  std::vector<std::vector<const llvm::GlobalValue *>> members(parts);
  auto add = [&](const llvm::GlobalValue &value) {
    auto found = assigned.find(&value);
    if (found != assigned.end()) {
      members[found->second].push_back(&value);
      llvm::StringRef text = value.getName();
      name(cx, text.data(), text.size(), found->second);
    }
  };
  for (const llvm::GlobalVariable &v : module.globals()) {
    add(v);
  }
  for (const llvm::Function &f : module.functions()) {
    add(f);
  }
  for (const llvm::GlobalAlias &a : module.aliases()) {
    add(a);
  }
  for (const llvm::GlobalIFunc &i : module.ifuncs()) {
    add(i);
  }
  UnitPlacement units(module, assigned);
  for (unsigned part = 0; part < parts; ++part) {
    std::unique_ptr<llvm::Module> out =
        split_part(module, members[part], part == 0, part, units);
    sink(cx, part, llvm::wrap(out.release()));
  }
}



// Makes `fn` pass its vectors in memory: its body moves to a new internal
// function `<name>.mvimg.byref` whose parameters flagged in `wide` (count of
// them: `count`, one per parameter of `fn`) are pointers to the values, and
// which, when `wide_ret`, stores its result through a pointer passed first
// and returns void. `fn` keeps its name, linkage and signature as a wrapper
// that spills its arguments and calls the new function, and every direct
// call of `fn` elsewhere in the module (a plain call of its exact type, not
// musttail) is rewritten to spill and call the new function itself. The
// pointers travel in general registers whatever a body's vector features, so
// bodies built for different targets agree on where the values are.
// Returns the new function, or null when `fn` is variadic, has a block
// whose address is taken, or `count` does not match (nothing is changed).
LLVMValueRef mvimg_shim_vectors_by_reference(LLVMValueRef fn, const unsigned char *wide,
                                             unsigned count, int wide_ret) {
  llvm::Function &f = *llvm::unwrap<llvm::Function>(fn);
  llvm::FunctionType *fty = f.getFunctionType();
  if (f.isDeclaration() || fty->isVarArg() || fty->getNumParams() != count) {
    return nullptr;
  }
  for (const llvm::BasicBlock &block : f) {
    if (block.hasAddressTaken()) {
      return nullptr;
    }
  }
  llvm::Module &module = *f.getParent();
  llvm::LLVMContext &cx = f.getContext();
  const llvm::DataLayout &layout = module.getDataLayout();
  llvm::Type *ptr = llvm::PointerType::get(cx, 0);
  // The new signature and the attribute lists of it (for the function and
  // for each call): the flagged parameters' attributes are dropped, the
  // memory effects too (the function now reads and writes argument memory).
  std::vector<llvm::Type *> params;
  if (wide_ret) {
    params.push_back(ptr);
  }
  for (unsigned i = 0; i < count; ++i) {
    params.push_back(wide[i] ? ptr : fty->getParamType(i));
  }
  llvm::Type *ret = wide_ret ? llvm::Type::getVoidTy(cx) : fty->getReturnType();
  llvm::FunctionType *gty = llvm::FunctionType::get(ret, params, false);
  auto by_reference = [&](const llvm::AttributeList &old) {
    llvm::SmallVector<llvm::AttributeSet, 8> sets;
    if (wide_ret) {
      sets.push_back(llvm::AttributeSet());
    }
    for (unsigned i = 0; i < count; ++i) {
      sets.push_back(wide[i] ? llvm::AttributeSet() : old.getParamAttrs(i));
    }
    llvm::AttributeSet fn_attrs = old.getFnAttrs().removeAttribute(cx, llvm::Attribute::Memory);
    return llvm::AttributeList::get(cx, fn_attrs,
                                    wide_ret ? llvm::AttributeSet() : old.getRetAttrs(), sets);
  };
  llvm::Function *g = llvm::Function::Create(gty, llvm::GlobalValue::InternalLinkage,
                                             f.getName() + ".mvimg.byref", &module);
  g->copyAttributesFrom(&f);
  g->setLinkage(llvm::GlobalValue::InternalLinkage);
  g->setVisibility(llvm::GlobalValue::DefaultVisibility);
  g->setDLLStorageClass(llvm::GlobalValue::DefaultStorageClass);
  g->setComdat(nullptr);
  g->setAttributes(by_reference(f.getAttributes()));
  g->splice(g->begin(), &f);
  g->setSubprogram(f.getSubprogram());
  f.setSubprogram(nullptr);
  // The body reads its flagged arguments from memory and stores its result.
  llvm::IRBuilder<> entry(&*g->getEntryBlock().getFirstInsertionPt());
  unsigned shift = wide_ret ? 1 : 0;
  for (unsigned i = 0; i < count; ++i) {
    llvm::Argument *old = f.getArg(i);
    llvm::Argument *now = g->getArg(i + shift);
    now->takeName(old);
    if (wide[i]) {
      llvm::Type *ty = old->getType();
      old->replaceAllUsesWith(entry.CreateAlignedLoad(ty, now, layout.getPrefTypeAlign(ty)));
    } else {
      old->replaceAllUsesWith(now);
    }
  }
  if (wide_ret) {
    llvm::SmallVector<llvm::ReturnInst *, 4> returns;
    for (llvm::BasicBlock &block : *g) {
      if (auto *r = llvm::dyn_cast<llvm::ReturnInst>(block.getTerminator())) {
        returns.push_back(r);
      }
    }
    for (llvm::ReturnInst *r : returns) {
      llvm::IRBuilder<> at(r);
      llvm::Value *value = r->getReturnValue();
      at.CreateAlignedStore(value, g->getArg(0), layout.getPrefTypeAlign(value->getType()));
      at.CreateRetVoid();
      r->eraseFromParent();
    }
  }
  // Spills the arguments of a call of `f` (at `at`, allocas at `allocas`)
  // and calls `g`; returns the result as `f` returns it.
  auto call_through = [&](llvm::IRBuilder<> &allocas, llvm::IRBuilder<> &at,
                          llvm::ArrayRef<llvm::Value *> args, const llvm::AttributeList &attrs,
                          llvm::CallingConv::ID conv) -> llvm::Value * {
    llvm::SmallVector<llvm::Value *, 8> passed;
    llvm::AllocaInst *result = nullptr;
    if (wide_ret) {
      llvm::Type *ty = fty->getReturnType();
      result = allocas.CreateAlloca(ty);
      result->setAlignment(layout.getPrefTypeAlign(ty));
      passed.push_back(result);
    }
    for (unsigned i = 0; i < count; ++i) {
      if (!wide[i]) {
        passed.push_back(args[i]);
        continue;
      }
      llvm::Type *ty = args[i]->getType();
      llvm::AllocaInst *slot = allocas.CreateAlloca(ty);
      slot->setAlignment(layout.getPrefTypeAlign(ty));
      at.CreateAlignedStore(args[i], slot, slot->getAlign());
      passed.push_back(slot);
    }
    llvm::CallInst *call = at.CreateCall(gty, g, passed);
    call->setCallingConv(conv);
    call->setAttributes(by_reference(attrs));
    if (!wide_ret) {
      return call;
    }
    return at.CreateAlignedLoad(fty->getReturnType(), result, result->getAlign());
  };
  // The wrapper keeps `f`'s convention for callers outside the module.
  llvm::BasicBlock *body = llvm::BasicBlock::Create(cx, "entry", &f);
  llvm::IRBuilder<> wrapper(body);
  llvm::SmallVector<llvm::Value *, 8> args;
  for (llvm::Argument &a : f.args()) {
    args.push_back(&a);
  }
  llvm::Value *value = call_through(wrapper, wrapper, args, f.getAttributes(), g->getCallingConv());
  if (fty->getReturnType()->isVoidTy()) {
    wrapper.CreateRetVoid();
  } else {
    wrapper.CreateRet(value);
  }
  // Direct calls elsewhere go to the new function.
  llvm::SmallVector<llvm::CallInst *, 8> calls;
  for (llvm::Use &use : f.uses()) {
    auto *call = llvm::dyn_cast<llvm::CallInst>(use.getUser());
    if (call != nullptr && call->isCallee(&use) && call->getFunction() != &f &&
        call->getFunctionType() == fty && !call->isMustTailCall()) {
      calls.push_back(call);
    }
  }
  for (llvm::CallInst *call : calls) {
    llvm::Function *caller = call->getFunction();
    llvm::IRBuilder<> allocas(&*caller->getEntryBlock().getFirstInsertionPt());
    llvm::IRBuilder<> at(call);
    at.SetCurrentDebugLocation(call->getDebugLoc());
    llvm::SmallVector<llvm::Value *, 8> call_args(call->arg_begin(), call->arg_end());
    llvm::Value *result =
        call_through(allocas, at, call_args, call->getAttributes(), call->getCallingConv());
    if (!call->getType()->isVoidTy()) {
      result->takeName(call);
      call->replaceAllUsesWith(result);
    }
    call->eraseFromParent();
  }
  return llvm::wrap(g);
}

// Merges the descriptions of composite types (structures, unions,
// enumerations, classes) that describe the same type: C compilers describe a
// header's type again in every translation unit, as a distinct node, so a
// module linked from many units holds one description of each type per unit,
// and a partition describes every copy its code reaches again (an
// interpreter's state structure once per unit its partition inlined from).
// Two descriptions are the same when their fields are equal and their
// operands are, with every composite replaced by its class's first member:
// classes start from equal names, files, lines, sizes and flags and are
// split until that holds for every member (the coarsest such partition, so
// recursive types merge too). Each class's other members are then replaced
// by its first everywhere in the module. Returns how many were replaced.
unsigned mvimg_shim_merge_debug_types(LLVMModuleRef mod) {
  llvm::Module &module = *llvm::unwrap(mod);
  // Every node the module's metadata reaches, in a fixed order.
  std::vector<llvm::DICompositeType *> composites;
  std::vector<llvm::MDNode *> others;
  reached_metadata(module, false, [&](llvm::MDNode *node) {
    auto *composite = llvm::dyn_cast<llvm::DICompositeType>(node);
    if (composite != nullptr && composite->isDistinct()) {
      composites.push_back(composite);
    } else if (node->isDistinct()) {
      others.push_back(node);
    }
  });
  if (composites.size() < 2) {
    return 0;
  }

  // The first classes: equal fields and names.
  std::vector<unsigned> class_of(composites.size());
  std::vector<unsigned> representative;  // class -> index of its first member
  {
    std::map<std::string, unsigned> classes;
    for (size_t i = 0; i < composites.size(); ++i) {
      const llvm::DICompositeType *t = composites[i];
      std::string key;
      llvm::raw_string_ostream out(key);
      out << t->getTag() << '|' << t->getName() << '|' << t->getLine() << '|'
          << t->getSizeInBits() << '|' << t->getAlignInBits() << '|' << t->getOffsetInBits()
          << '|' << static_cast<unsigned>(t->getFlags()) << '|' << t->getRuntimeLang() << '|'
          << t->getIdentifier() << '|' << t->getNumOperands() << '|'
          << static_cast<const void *>(t->getRawFile());
      auto [entry, inserted] = classes.try_emplace(key, representative.size());
      if (inserted) {
        representative.push_back(i);
      }
      class_of[i] = entry->second;
    }
  }
  llvm::DenseMap<const llvm::DICompositeType *, size_t> index;
  for (size_t i = 0; i < composites.size(); ++i) {
    index[composites[i]] = i;
  }

  // Split classes until every member's operands, composites replaced by
  // their class's first member, are its first member's.
  for (bool split = true; split;) {
    split = false;
    llvm::ValueToValueMapTy vm;
    for (llvm::MDNode *node : others) {
      vm.MD()[node].reset(node);
    }
    for (size_t i = 0; i < composites.size(); ++i) {
      vm.MD()[composites[i]].reset(composites[representative[class_of[i]]]);
    }
    llvm::ValueMapper mapper(vm, llvm::RF_IgnoreMissingLocals);
    auto mapped = [&](llvm::Metadata *md) -> llvm::Metadata * {
      return md == nullptr ? nullptr : mapper.mapMetadata(*md);
    };
    // Members unlike their first, by class: they form one new class each.
    std::map<unsigned, unsigned> moved;
    for (size_t i = 0; i < composites.size(); ++i) {
      size_t first = representative[class_of[i]];
      if (first == i) {
        continue;
      }
      const llvm::DICompositeType *a = composites[i];
      const llvm::DICompositeType *b = composites[first];
      bool same = true;
      for (unsigned op = 0; same && op < a->getNumOperands(); ++op) {
        same = mapped(a->getOperand(op)) == mapped(b->getOperand(op));
      }
      if (same) {
        continue;
      }
      auto [entry, inserted] = moved.try_emplace(class_of[i], representative.size());
      if (inserted) {
        representative.push_back(i);
      }
      class_of[i] = entry->second;
      split = true;
    }
  }

  llvm::ValueToValueMapTy vm;
  unsigned merged = 0;
  for (size_t i = 0; i < composites.size(); ++i) {
    size_t first = representative[class_of[i]];
    if (first != i) {
      vm.MD()[composites[i]].reset(composites[first]);
      ++merged;
    }
  }
  if (merged == 0) {
    return 0;
  }
  llvm::ValueMapper mapper(vm, llvm::RF_ReuseAndMutateDistinctMDs | llvm::RF_IgnoreMissingLocals);
  each_metadata_root(module, false, true, [&](llvm::MDNode *node) {
    return llvm::cast<llvm::MDNode>(mapper.mapMetadata(*node));
  });
  return merged;
}

// Makes `mod` fit an ELF shared object whatever the -fPIC/-fPIE state it
// was compiled in: every global value that another module could preempt
// (not local, default visibility) loses `dso_local`, and the "PIE Level" and
// "direct-access-external-data" module flags go, so that references to it
// go through the GOT or a local alias, and thread-local variables get a
// model a dlopen'd library may use — what -fPIC gives. Returns how many
// values changed.
unsigned mvimg_shim_preemptible_globals(LLVMModuleRef mod) {
  llvm::Module &module = *llvm::unwrap(mod);
  unsigned changed = 0;
  for (llvm::GlobalValue &value : module.global_values()) {
    if (value.isDSOLocal() && !value.hasLocalLinkage() && value.hasDefaultVisibility() &&
        !(llvm::isa<llvm::Function>(value) && llvm::cast<llvm::Function>(value).isIntrinsic())) {
      value.setDSOLocal(false);
      ++changed;
    }
  }
  if (llvm::NamedMDNode *flags = module.getModuleFlagsMetadata()) {
    llvm::SmallVector<llvm::MDNode *, 16> kept;
    bool dropped = false;
    for (llvm::MDNode *flag : flags->operands()) {
      auto *key = flag->getNumOperands() > 1
                      ? llvm::dyn_cast<llvm::MDString>(flag->getOperand(1))
                      : nullptr;
      if (key != nullptr &&
          (key->getString() == "PIE Level" || key->getString() == "direct-access-external-data")) {
        dropped = true;
        continue;
      }
      kept.push_back(flag);
    }
    if (dropped) {
      flags->clearOperands();
      for (llvm::MDNode *flag : kept) {
        flags->addOperand(flag);
      }
      ++changed;
    }
  }
  return changed;
}

} // extern "C"
