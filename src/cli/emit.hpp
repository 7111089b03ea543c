// emit.hpp — how a command that succeeded prints its result: text for people, or with --json
// one JSON object on one line (add, between, roll, advance, windows, graph; validate prints the
// library's diagnostics JSON, see cmd_validate.cpp).
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

#include "args.hpp"
#include "command.hpp"

namespace sla::cli {

/// A JSON value whose object members keep the order they are added in: the CLI's objects list
/// the inputs first and the result last (nlohmann::json would sort the members by name).
using Json = nlohmann::ordered_json;

/// With --json, prints `json` compact on one line; otherwise `text` exactly as given (it ends
/// with its own newline). Strings in `json` that are not valid UTF-8 (a name read from a Latin-1
/// file) get U+FFFD for each ill-formed sequence, so the output is always valid JSON.
/// Returns exit_ok.
int emit(const ParsedArgs& args, Io& io, std::string_view text, const Json& json);

}  // namespace sla::cli
