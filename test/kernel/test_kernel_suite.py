"""The standard jupyter_kernel_test conformance suite against the Pijar kernel."""
import unittest

import jupyter_kernel_test

import conftest  # noqa: F401  (installs the kernelspec, sets JUPYTER_PATH)


class PijarKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = "pijar"
    language_name = "typescript"
    file_extension = ".ts"

    code_hello_world = 'console.log("hello, world")'
    code_stderr = 'console.error("some error")'
    code_generate_error = 'throw new Error("boom")'
    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": '"a" + "b"', "result": "'ab'"},
        {"code": "[1, 2].map((x) => x * 2)", "result": "[ 2, 4 ]"},
    ]
    code_display_data = [
        {"code": 'display({ [Symbol.for("Jupyter.display")]: () => ({ "text/html": "<b>x</b>" }) })', "mime": "text/html"},
        {"code": 'display("plain")', "mime": "text/plain"},
    ]
    code_clear_output = "clearOutput()"
    completion_samples = [
        {"text": "Math.fl", "matches": {"floor"}},
        {"text": "[1, 2].filt", "matches": {"filter"}},
    ]
    complete_code_samples = ["1 + 1", "const a = 1;", "function f() { return 1 }"]
    incomplete_code_samples = ["function f() {", "const a = [1,", "if (true) {"]
    invalid_code_samples = ["const = 1;", "1 +* 2", "function function", "let x = )", "const const = 1"]
    code_inspect_sample = "Math.floor"
    code_page_something = "Math.floor?"
    code_history_pattern = "6 * 7*"
    supported_history_operations = ("tail", "range", "search")


if __name__ == "__main__":
    unittest.main()
