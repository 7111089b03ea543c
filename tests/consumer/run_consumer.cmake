# ctest driver: install the freshly built sla into a scratch prefix, then configure, build and run
# tests/consumer against that prefix only. Inputs: -DSLA_BUILD_DIR, -DSLA_CONSUMER_SOURCE,
# -DSLA_SCRATCH, -DSLA_GENERATOR.
file(REMOVE_RECURSE "${SLA_SCRATCH}")
foreach(step
    "${CMAKE_COMMAND};--install;${SLA_BUILD_DIR};--prefix;${SLA_SCRATCH}/prefix"
    "${CMAKE_COMMAND};-S;${SLA_CONSUMER_SOURCE};-B;${SLA_SCRATCH}/build;-G;${SLA_GENERATOR};-DCMAKE_PREFIX_PATH=${SLA_SCRATCH}/prefix;-DCMAKE_BUILD_TYPE=Release"
    "${CMAKE_COMMAND};--build;${SLA_SCRATCH}/build"
    "${SLA_SCRATCH}/build/sla_consumer")
  execute_process(COMMAND ${step} RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "consumer step failed (${rc}): ${step}")
  endif()
endforeach()
