// sla evaluate: the state of every clock of a ticket (docs/semantics.md §4), or of a stream of
// tickets.
//
//   --ticket T.json      one ticket; a readable report, or --json for the JSON result
//   --tickets T.jsonl    JSON Lines ('-' = stdin): one JSON result per line, in input order.
//                        A line that is not a ticket gives an error record naming the line and
//                        the run goes on: nothing is dropped (blank lines are skipped).
// `now` is the ticket's own "now", else --now, else the current time. --jobs N evaluates on N
// threads (default: one per core); the output does not depend on it. Exit status: 0 when every
// ticket was evaluated without error, 1 when any was not (its record says why), 2 for a bad
// command line or unreadable input.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <deque>
#include <fstream>
#include <future>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "command.hpp"
#include "common.hpp"
#include "engine_text.hpp"
#include "sla/engine.hpp"
#include "sla/error.hpp"
#include "sla/json.hpp"

namespace sla::cli {
namespace {

// --now must carry its offset: the tickets of one run may live in different zones.
std::optional<Instant> now_option(const ParsedArgs& args) {
  const auto text = args.get("now");
  if (!text) return std::nullopt;
  const Instant utc_reading = parse_time_value("now", *text, TimeZone::utc());
  const Instant other_reading = parse_time_value("now", *text, TimeZone::locate("+01:00"));
  if (utc_reading != other_reading)
    throw Error(
        fmt::format("--now: '{}' has no UTC offset; tickets may be in any zone, so give "
                    "one (e.g. {}+08:00 or {}Z)",
                    *text, *text, *text));
  return utc_reading;
}

Instant current_time() { return std::chrono::floor<Seconds>(std::chrono::system_clock::now()); }

// At most one byte more than a ticket may hold: /dev/zero or a runaway pipe is not read until
// memory runs out, and parse_ticket_json names the size.
std::string read_bounded(std::istream& in) {
  std::string text(kMaxTicketBytes + 1, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<std::size_t>(in.gcount()));
  return text;
}

std::string read_all(const std::string& path) {
  if (path == "-") return read_bounded(std::cin);
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(fmt::format("--ticket: cannot read '{}'", path));
  return read_bounded(in);
}

// One line of a JSON Lines stream, without its '\n'; a line longer than a ticket may be is
// consumed but not kept (`too_long`). False at the end of the input.
bool read_line(std::istream& in, std::string& line, bool& too_long) {
  line.clear();
  too_long = false;
  std::streambuf& buffer = *in.rdbuf();
  bool any = false;
  for (int c = buffer.sbumpc(); c != std::char_traits<char>::eof(); c = buffer.sbumpc()) {
    any = true;
    if (c == '\n') return true;
    if (too_long) continue;
    line.push_back(static_cast<char>(c));
    if (line.size() > kMaxTicketBytes) {
      too_long = true;
      line.clear();
    }
  }
  in.setstate(std::ios::eofbit);
  return any;
}

// A record for a line that holds no ticket: the evaluation JSON shape, with one error.
void append_bad_line(std::string& out, std::size_t line, const std::string& why, Instant now) {
  Evaluation e;
  e.now = now;
  e.diagnostics.push_back({EvaluationDiagnostic::Severity::error, -1, "bad_ticket",
                           fmt::format("line {}: {}", line, why)});
  append_json(e, out);
}

// A batch of input lines and their first line number.
struct Batch {
  std::vector<std::string> lines;
  std::vector<bool> too_long;  ///< parallel to lines: the line was longer than a ticket may be
  std::size_t first_line = 1;
};

struct BatchResult {
  std::string json;  ///< one line per ticket
  bool all_ok = true;
};

// `buffer` is an earlier batch's output, cleared: its capacity is reused (a batch writes a few MB,
// and fresh memory costs page faults and copies as it grows).
BatchResult evaluate_batch(const Engine& engine, const Batch& batch, Instant default_now,
                           std::string buffer) {
  BatchResult result;
  result.json = std::move(buffer);
  result.json.clear();
  Evaluation evaluation;
  for (std::size_t k = 0; k < batch.lines.size(); ++k) {
    const std::string& line = batch.lines[k];
    if (batch.too_long[k]) {
      append_bad_line(result.json, batch.first_line + k,
                      fmt::format("the line is longer than a ticket may be ({} bytes at most)",
                                  kMaxTicketBytes),
                      default_now);
      result.all_ok = false;
      result.json += '\n';
      continue;
    }
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const TicketJson parsed = parse_ticket_json(line);
    if (!parsed.ticket) {
      append_bad_line(result.json, batch.first_line + k, parsed.error, default_now);
      result.all_ok = false;
    } else {
      engine.evaluate(*parsed.ticket, parsed.now.value_or(default_now), evaluation);
      append_json(evaluation, result.json);
      result.all_ok = result.all_ok && evaluation.ok();
    }
    result.json += '\n';
  }
  return result;
}

// Tickets are independent: batches of lines are evaluated on `jobs` threads, and written in
// input order, so the output is the same whatever the number of threads.
int evaluate_stream(const Engine& engine, std::istream& in, std::optional<Instant> now,
                    unsigned jobs, Io& io) {
  constexpr std::size_t kBatchLines = 2048;
  const Instant default_now = now.value_or(current_time());
  std::deque<std::future<BatchResult>> in_flight;
  std::vector<std::string> spare;  // written batches' buffers, for the next batches
  bool all_ok = true;
  auto write_oldest = [&] {
    BatchResult done = in_flight.front().get();
    in_flight.pop_front();
    io.out.write(done.json.data(), static_cast<std::streamsize>(done.json.size()));
    all_ok = all_ok && done.all_ok;
    spare.push_back(std::move(done.json));
  };
  std::size_t next_line = 1;
  while (in) {
    Batch batch;
    batch.first_line = next_line;
    std::string line;
    bool too_long = false;
    while (batch.lines.size() < kBatchLines && read_line(in, line, too_long)) {
      batch.lines.push_back(std::move(line));
      batch.too_long.push_back(too_long);
    }
    if (batch.lines.empty()) break;
    next_line += batch.lines.size();
    std::string buffer;
    if (!spare.empty()) {
      buffer = std::move(spare.back());
      spare.pop_back();
    }
    in_flight.push_back(std::async(jobs <= 1 ? std::launch::deferred : std::launch::async,
                                   evaluate_batch, std::cref(engine), std::move(batch), default_now,
                                   std::move(buffer)));
    while (in_flight.size() > 2 * static_cast<std::size_t>(jobs)) write_oldest();
  }
  if (in.bad()) throw Error("--tickets: read error");
  while (!in_flight.empty()) write_oldest();
  return all_ok ? exit_ok : exit_rules_invalid;
}

unsigned jobs_option(const ParsedArgs& args) {
  if (const auto text = args.get("jobs")) {
    const int n = parse_int_value("jobs", *text);
    if (n < 1 || n > 256)
      throw Error(fmt::format("--jobs: {} is out of range (1 to 256 threads)", n));
    return static_cast<unsigned>(n);
  }
  return std::max(1u, std::thread::hardware_concurrency());
}

}  // namespace

int run_evaluate(const ParsedArgs& args, Io& io) {
  const std::optional<Instant> now = now_option(args);
  const Engine engine(load_rule_set(args, io));
  if (const auto stream = args.get("tickets")) {
    if (*stream == "-") {
      std::ios::sync_with_stdio(false);
      return evaluate_stream(engine, std::cin, now, jobs_option(args), io);
    }
    std::ifstream in(*stream, std::ios::binary);
    if (!in) throw Error(fmt::format("--tickets: cannot read '{}'", *stream));
    return evaluate_stream(engine, in, now, jobs_option(args), io);
  }
  const TicketJson parsed = parse_ticket_json(read_all(args.required("ticket")));
  if (!parsed.ticket) throw Error(fmt::format("--ticket: {}", parsed.error));
  const Evaluation e =
      engine.evaluate(*parsed.ticket, parsed.now.value_or(now.value_or(current_time())));
  if (args.has("json"))
    io.out << to_json(e) << '\n';
  else
    print_evaluation(e, io.out);
  return e.ok() ? exit_ok : exit_rules_invalid;
}

}  // namespace sla::cli
