#include "emit.hpp"

#include <ostream>

namespace sla::cli {

int emit(const ParsedArgs& args, Io& io, std::string_view text, const Json& json) {
  if (args.has("json"))
    io.out << json.dump(-1, ' ', false, Json::error_handler_t::replace) << '\n';
  else
    io.out << text;
  return exit_ok;
}

}  // namespace sla::cli
