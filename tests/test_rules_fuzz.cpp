// Mutation fuzzing of the rules loader: every shipped rules file (rules/**/*.yaml) and every
// valid test file is damaged at random — lines deleted, duplicated or swapped, characters
// changed, the text cut short, YAML punctuation inserted, a word replaced by another — and
// loaded. Whatever the damage, a load must come back with diagnostics or rules (never an
// exception, an internal error or a hang), and with rules exactly when no diagnostic is an
// error (docs/semantics.md §7).
//
// The seed is fixed, so a failure repeats; SLA_FUZZ_SEED=<n> explores other seeds and
// SLA_FUZZ_VERBOSE=1 prints how many mutants loaded and how many were rejected. A failure shows
// the file, the mutation number and the mutated text; SLA_FUZZ_DUMP=<file> writes each mutant
// there before loading it, for failures that kill the process.
#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "sla/rule_set.hpp"

namespace {

namespace fs = std::filesystem;

const std::string kData = SLA_TEST_DATA_DIR;
const std::string kSource = SLA_SOURCE_DIR;

// Mutants per file: a few thousand in all, a few seconds in a Release build.
constexpr int kMutantsPerFile = 200;
// One load of a file of a hundred lines takes milliseconds; a second means a hang or a blow-up
// (the budget is generous for sanitizer builds).
constexpr auto kLoadBudget = std::chrono::seconds(2);

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<fs::path> yaml_files_under(const fs::path& root) {
  std::vector<fs::path> files;
  if (!fs::exists(root)) return files;
  for (const auto& entry : fs::recursive_directory_iterator(root))
    if (entry.is_regular_file() && entry.path().extension() == ".yaml")
      files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

// The seeds of the mutants: what users start from, and what the tests know to be valid.
std::vector<fs::path> seed_files() {
  auto files = yaml_files_under(fs::path(kSource) / "rules");
  for (auto& f : yaml_files_under(fs::path(kData) / "valid")) files.push_back(std::move(f));
  return files;
}

// std::mt19937's sequence is fixed by the standard; the distributions are not, so the draws
// are made by hand and a seed gives the same mutants everywhere.
class Dice {
 public:
  explicit Dice(unsigned seed) : engine_(seed) {}
  std::size_t below(std::size_t n) { return n == 0 ? 0 : engine_() % n; }
  bool one_in(std::size_t n) { return below(n) == 0; }

 private:
  std::mt19937 engine_;
};

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::string join_lines(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& line : lines) {
    out += line;
    out += '\n';
  }
  return out;
}

// Characters that change how YAML reads a line, and a few that no rules file expects.
constexpr std::string_view kPunctuation = ":-[]{},#&*!|>'\"%@`? \t\n";
constexpr std::string_view kOddBytes = std::string_view("\0\x7f\xff\xc3", 4);

char random_char(Dice& dice) {
  switch (dice.below(4)) {
    case 0:
      return kPunctuation[dice.below(kPunctuation.size())];
    case 1:
      return kOddBytes[dice.below(kOddBytes.size())];
    case 2:
      return static_cast<char>('0' + dice.below(10));
    default:
      return static_cast<char>(' ' + dice.below(95));  // printable ASCII
  }
}

// A run of letters, digits, '_', '-', '%' or '.': ids, durations, percentages, words.
struct Word {
  std::size_t at = 0;
  std::size_t size = 0;
};

std::vector<Word> words_of(const std::string& text) {
  auto in_word = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-' || c == '%' || c == '.';
  };
  std::vector<Word> words;
  for (std::size_t i = 0; i < text.size();) {
    if (!in_word(text[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < text.size() && in_word(text[j])) ++j;
    words.push_back({i, j - i});
    i = j;
  }
  return words;
}

// One random damage; `what` says which, for the failure report.
std::string mutate_once(const std::string& text, Dice& dice, std::string& what) {
  auto lines = split_lines(text);
  const std::size_t n = lines.size();
  switch (dice.below(8)) {
    case 0: {
      if (n == 0) break;
      const std::size_t i = dice.below(n);
      what += "delete line " + std::to_string(i + 1) + "; ";
      lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(i));
      return join_lines(lines);
    }
    case 1: {
      if (n == 0) break;
      const std::size_t i = dice.below(n), at = dice.below(n + 1);
      what += "copy line " + std::to_string(i + 1) + " before " + std::to_string(at + 1) + "; ";
      const std::string copy = lines[i];
      lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(at), copy);
      return join_lines(lines);
    }
    case 2: {
      if (n < 2) break;
      const std::size_t i = dice.below(n), j = dice.below(n);
      what += "swap lines " + std::to_string(i + 1) + " and " + std::to_string(j + 1) + "; ";
      std::swap(lines[i], lines[j]);
      return join_lines(lines);
    }
    case 3: {
      if (text.empty()) break;
      std::string out = text;
      const std::size_t count = 1 + dice.below(3);
      for (std::size_t k = 0; k < count; ++k) out[dice.below(out.size())] = random_char(dice);
      what += "change " + std::to_string(count) + " characters; ";
      return out;
    }
    case 4: {
      const std::size_t keep = dice.below(text.size() + 1);
      what += "truncate to " + std::to_string(keep) + " bytes; ";
      return text.substr(0, keep);
    }
    case 5: {
      std::string out = text;
      const std::size_t count = 1 + dice.below(4);
      for (std::size_t k = 0; k < count; ++k)
        out.insert(out.begin() + static_cast<std::ptrdiff_t>(dice.below(out.size() + 1)),
                   kPunctuation[dice.below(kPunctuation.size())]);
      what += "insert " + std::to_string(count) + " punctuation; ";
      return out;
    }
    case 6: {
      // Replace a word by another word of the file: the YAML stays valid and the damage is in
      // the meaning (unknown names, cycles, tiers where severities belong, a goal that is an id).
      const auto words = words_of(text);
      if (words.size() < 2) break;
      const Word& from = words[dice.below(words.size())];
      const Word& to = words[dice.below(words.size())];
      what += "replace '" + text.substr(from.at, from.size) + "' at byte " +
              std::to_string(from.at) + " by '" + text.substr(to.at, to.size) + "'; ";
      std::string out = text;
      out.replace(from.at, from.size, text.substr(to.at, to.size));
      return out;
    }
    default: {
      // Change one indentation: nesting errors are the classic YAML mistake.
      if (n == 0) break;
      const std::size_t i = dice.below(n);
      what += "re-indent line " + std::to_string(i + 1) + "; ";
      if (dice.one_in(2) && lines[i].rfind("  ", 0) == 0)
        lines[i].erase(0, 2);
      else
        lines[i].insert(0, "  ");
      return join_lines(lines);
    }
  }
  what += "no change; ";
  return text;
}

std::string mutate(const std::string& text, Dice& dice, std::string& what) {
  std::string out = text;
  const std::size_t rounds = 1 + (dice.one_in(4) ? dice.below(3) : 0);
  for (std::size_t r = 0; r < rounds; ++r) out = mutate_once(out, dice, what);
  return out;
}

unsigned fuzz_seed() {
  if (const char* text = std::getenv("SLA_FUZZ_SEED"))
    return static_cast<unsigned>(std::atol(text));
  return 20260517u;
}

}  // namespace

TEST_CASE("damaged rules files give diagnostics, never an exception or a hang", "[fuzz]") {
  const auto files = seed_files();
  // The shipped calendars and agreements, and the valid test files, are all there.
  REQUIRE(files.size() >= 8);
  Dice dice(fuzz_seed());
  std::size_t loaded = 0, rejected = 0, mutants = 0;
  auto slowest = std::chrono::steady_clock::duration::zero();
  for (const auto& file : files) {
    const std::string original = read_text(file);
    REQUIRE_FALSE(original.empty());
    for (int m = 0; m < kMutantsPerFile; ++m) {
      std::string what;
      const std::string text = mutate(original, dice, what);
      ++mutants;
      // A crash or an out-of-memory kill leaves no report: SLA_FUZZ_DUMP=<file> keeps the mutant
      // being loaded there.
      if (const char* dump = std::getenv("SLA_FUZZ_DUMP"))
        std::ofstream(dump, std::ios::binary)
            << "# " << file.string() << ", mutant " << m << ": " << what << "\n"
            << text;
      // Named as the original, so that relative includes still resolve. load_rules_from_string
      // turns a std::exception thrown inside the loader into an SLA000 diagnostic (`internal`
      // below); anything else that escapes fails here, with the mutant named.
      sla::LoadResult result;
      const auto start = std::chrono::steady_clock::now();
      {
        INFO(file.string() << ", mutant " << m << ": " << what);
        CHECK_NOTHROW(result = sla::load_rules_from_string(text, file.string()));
      }
      const auto took = std::chrono::steady_clock::now() - start;
      slowest = std::max(slowest, took);
      const bool any_error =
          std::any_of(result.diagnostics.begin(), result.diagnostics.end(),
                      [](const auto& d) { return d.severity == sla::Diagnostic::Severity::error; });
      const bool internal = std::any_of(result.diagnostics.begin(), result.diagnostics.end(),
                                        [](const auto& d) { return d.code == "SLA000"; });
      const bool well_formed =
          std::all_of(result.diagnostics.begin(), result.diagnostics.end(), [](const auto& d) {
            return d.code.size() == 6 && d.code.rfind("SLA", 0) == 0 && !d.message.empty() &&
                   d.where.line >= 0 && d.where.column >= 0;
          });
      const bool good = !internal && well_formed && result.ok() != any_error &&
                        result.diagnostics.size() <= 101 && took < kLoadBudget;
      if (!good) {
        std::string diagnostics;
        for (const auto& d : result.diagnostics) diagnostics += d.to_string();
        INFO(file.string() << ", mutant " << m << ": " << what << "\n--- text ---\n"
                           << text << "\n--- diagnostics ---\n"
                           << diagnostics);
        CHECK_FALSE(internal);
        CHECK(well_formed);
        CHECK(result.ok() != any_error);
        CHECK(result.diagnostics.size() <= 101);
        CHECK(took < kLoadBudget);
      }
      (result.ok() ? loaded : rejected) += 1;
    }
  }
  if (std::getenv("SLA_FUZZ_VERBOSE") != nullptr)
    std::printf("fuzz: %zu files, %zu mutants, %zu loaded, %zu rejected, slowest %.1f ms\n",
                files.size(), mutants, loaded, rejected,
                std::chrono::duration<double, std::milli>(slowest).count());
  // Damage must be noticed most of the time; some mutants (a changed comment) stay valid.
  CHECK(rejected > mutants / 2);
  CHECK(loaded > 0);
}
