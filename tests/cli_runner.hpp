// tests/cli_runner.hpp — runs the real `sla` binary (SLA_CLI_PATH) as a process and captures
// its exit status, stdout and stderr exactly, for the CLI tests (tests/test_cli_*.cpp).
#pragma once

#ifdef SLA_CLI_PATH

#include <fmt/format.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <catch2/catch_test_macros.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace sla_test {

struct CliResult {
  int status = -1;  // the exit status; 128 + signal when the process was killed
  std::string out;
  std::string err;
};

inline std::string shell_quote(const std::string& word) {
  std::string quoted = "'";
  for (const char c : word) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

inline std::string read_whole_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Runs `sla args...` through sh -c with stdout and stderr captured in temporary files.
inline CliResult run_cli(const std::vector<std::string>& args) {
  static std::atomic<int> counter{0};
  const auto dir = std::filesystem::temp_directory_path();
  const std::string stem = fmt::format("sla_cli_runner_{}_{}", ::getpid(), counter++);
  const auto out_path = dir / (stem + ".out");
  const auto err_path = dir / (stem + ".err");
  std::string command = shell_quote(SLA_CLI_PATH);
  for (const auto& a : args) command += fmt::format(" {}", shell_quote(a));
  command +=
      fmt::format(" >{} 2>{}", shell_quote(out_path.string()), shell_quote(err_path.string()));
  const int raw = std::system(command.c_str());
  CliResult r;
  if (raw != -1 && WIFEXITED(raw))
    r.status = WEXITSTATUS(raw);
  else if (raw != -1 && WIFSIGNALED(raw))
    r.status = 128 + WTERMSIG(raw);
  r.out = read_whole_file(out_path);
  r.err = read_whole_file(err_path);
  std::filesystem::remove(out_path);
  std::filesystem::remove(err_path);
  return r;
}

// A run that must succeed: status 0 and nothing on stderr (checked); returns stdout.
inline std::string sla_ok(const std::vector<std::string>& args) {
  const CliResult r = run_cli(args);
  INFO("stderr: " << r.err);
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  return r.out;
}

}  // namespace sla_test

#endif  // SLA_CLI_PATH
