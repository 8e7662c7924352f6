/**
 * The error conditions Pijar raises, keyed by Spark 4's class names (see Spark's
 * `error-conditions.json`). Templates use `<param>` placeholders like Spark's.
 */
export interface ErrorCondition {
  message: string;
  /** Spark's SQLSTATE; PySpark's own (client-side) conditions have none. */
  sqlState?: string;
  exceptionType?: string;
}

const analysis = "AnalysisException";
const parse = "ParseException";
const arith = "ArithmeticException";
const numberFormat = "NumberFormatException";
const dateTime = "DateTimeException";
const illegalArg = "IllegalArgumentException";

export const ERROR_CONDITIONS: Record<string, ErrorCondition> = {
  "UNRESOLVED_COLUMN.WITH_SUGGESTION": {
    message: "A column, variable, or function parameter with name <objectName> cannot be resolved. Did you mean one of the following? [<proposal>].",
    sqlState: "42703",
    exceptionType: analysis,
  },
  "UNRESOLVED_COLUMN.WITHOUT_SUGGESTION": {
    message: "A column, variable, or function parameter with name <objectName> cannot be resolved.",
    sqlState: "42703",
    exceptionType: analysis,
  },
  "UNRESOLVED_ROUTINE": {
    message: "Cannot resolve routine <routineName> on search path <searchPath>.",
    sqlState: "42883",
    exceptionType: analysis,
  },
  "AMBIGUOUS_REFERENCE": {
    message: "Reference <name> is ambiguous, could be: <referenceNames>.",
    sqlState: "42704",
    exceptionType: analysis,
  },
  "TABLE_OR_VIEW_NOT_FOUND": {
    message: "The table or view <relationName> cannot be found. Verify the spelling and correctness of the schema and catalog. Search path: <searchPath>. If you did not qualify the name with a schema, verify the current_schema() output, or qualify the name with the correct schema and catalog. To tolerate the error on drop use DROP VIEW IF EXISTS or DROP TABLE IF EXISTS.",
    sqlState: "42P01",
    exceptionType: analysis,
  },
  "TEMP_TABLE_OR_VIEW_ALREADY_EXISTS": {
    message: "Cannot create the temporary view <relationName> because it already exists. Choose a different name, drop or replace the existing view, or add the IF NOT EXISTS clause to tolerate pre-existing views.",
    sqlState: "42P07",
    exceptionType: analysis,
  },
  "MISSING_AGGREGATION": {
    message: "The non-aggregating expression <expression> is based on columns which are not participating in the GROUP BY clause. Add the columns or the expression to the GROUP BY, aggregate the expression, or use <expressionAnyValue> if you do not care which of the values within a group is returned.",
    sqlState: "42803",
    exceptionType: analysis,
  },
  "DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES": {
    message: "Cannot resolve <sqlExpr> due to data type mismatch: the left and right operands of the binary operator have incompatible types (<left> and <right>).",
    sqlState: "42K09",
    exceptionType: analysis,
  },
  "DATATYPE_MISMATCH.UNEXPECTED_RETURN_TYPE": {
    message: "Cannot resolve <sqlExpr> due to data type mismatch: The <functionName> requires return <expectedType> type, but the actual is <actualType> type.",
    sqlState: "42K09",
    exceptionType: analysis,
  },
  "DATATYPE_MISMATCH.MAP_ZIP_WITH_DIFF_TYPES": {
    message: "Cannot resolve <sqlExpr> due to data type mismatch: Input to the <functionName> should have been two maps with compatible key types, but it's [<leftType>, <rightType>].",
    sqlState: "42K09",
    exceptionType: analysis,
  },
  "INVALID_LAMBDA_FUNCTION_CALL.DUPLICATE_ARG_NAMES": {
    message: "Invalid lambda function call. The lambda function has duplicate arguments <args>. Please, consider to rename the argument names or set <caseSensitiveConfig> to \"true\".",
    sqlState: "42K0D",
    exceptionType: analysis,
  },
  "INVALID_LAMBDA_FUNCTION_CALL.NON_HIGHER_ORDER_FUNCTION": {
    message: "Invalid lambda function call. A lambda function should only be used in a higher order function. However, its class is <class>, which is not a higher order function.",
    sqlState: "42K0D",
    exceptionType: analysis,
  },
  "INVALID_LAMBDA_FUNCTION_CALL.NUM_ARGS_MISMATCH": {
    message: "Invalid lambda function call. A higher order function expects <expectedNumArgs> arguments, but got <actualNumArgs>.",
    sqlState: "42K0D",
    exceptionType: analysis,
  },
  "COMPARATOR_RETURNS_NULL": {
    message: "The comparator has returned a NULL for a comparison between <firstValue> and <secondValue>.\nIt should return a positive integer for \"greater than\", 0 for \"equal\" and a negative integer for \"less than\".\nTo revert to deprecated behavior where NULL is treated as 0 (equal), you must set \"spark.sql.legacy.allowNullComparisonResultInArraySort\" to \"true\".",
    sqlState: "22004",
  },
  "DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE": {
    message: "Cannot resolve <sqlExpr> due to data type mismatch: The <paramIndex> parameter requires the <requiredType> type, however <inputSql> has the type <inputType>.",
    sqlState: "42K09",
    exceptionType: analysis,
  },
  "DATATYPE_MISMATCH.CAST_WITHOUT_SUGGESTION": {
    message: "Cannot resolve <sqlExpr> due to data type mismatch: cannot cast <srcType> to <targetType>.",
    sqlState: "42K09",
    exceptionType: analysis,
  },
  "DATATYPE_MISMATCH.CAST_WITH_CONF_SUGGESTION": {
    message: "Cannot resolve <sqlExpr> due to data type mismatch: cannot cast <srcType> to <targetType> with ANSI mode on. If you have to cast <srcType> to <targetType>, you can set <config> as <configVal>.",
    sqlState: "42K09",
    exceptionType: analysis,
  },
  "WINDOW_FUNCTION_NOT_ALLOWED_IN_CLAUSE": {
    message: "It is not allowed to use window functions inside <clauseName> clause.",
    sqlState: "42601",
    exceptionType: analysis,
  },
  "WINDOW_FUNCTION_WITHOUT_OVER_CLAUSE": {
    message: "Window function <funcName> requires an OVER clause.",
    sqlState: "42601",
    exceptionType: analysis,
  },
  "WINDOW_FUNCTION_FRAME_NOT_ORDERED": {
    message: "Window function <wf_name> requires the window to be ordered. You need to add an ORDER BY clause. For example: SELECT <wf_expr> OVER (PARTITION BY window_partition ORDER BY window_ordering) FROM table.",
    sqlState: "42601",
    exceptionType: analysis,
  },
  "UNRESOLVED_COLUMN_AMONG_FIELD_NAMES": {
    message: "Cannot resolve column name \"<colName>\" among (<fieldNames>).",
    sqlState: "42703",
    exceptionType: analysis,
  },
  "DATATYPE_MISMATCH.DATA_DIFF_TYPES": {
    message: "Cannot resolve <sqlExpr> due to data type mismatch: Input to <functionName> should all be the same type, but it's <dataType>.",
    sqlState: "42K09",
    exceptionType: analysis,
  },
  "DATATYPE_MISMATCH": {
    message: "Cannot resolve <sqlExpr> due to data type mismatch: <detail>",
    sqlState: "42K09",
    exceptionType: analysis,
  },
  "CAST_INVALID_INPUT": {
    message: "The value <expression> of the type <sourceType> cannot be cast to <targetType> because it is malformed. Correct the value as per the syntax, or change its target type. Use `try_cast` to tolerate malformed input and return NULL instead.",
    sqlState: "22018",
    exceptionType: numberFormat,
  },
  "CAST_OVERFLOW": {
    message: "The value <value> of the type <sourceType> cannot be cast to <targetType> due to an overflow. Use `try_cast` to tolerate overflow and return NULL instead.",
    sqlState: "22003",
    exceptionType: arith,
  },
  "DIVIDE_BY_ZERO": {
    message: "Division by zero. Use `try_divide` to tolerate divisor being 0 and return NULL instead. If necessary set \"spark.sql.ansi.enabled\" to \"false\" to bypass this error.",
    sqlState: "22012",
    exceptionType: arith,
  },
  "REMAINDER_BY_ZERO": {
    message: "Remainder by zero. Use `try_mod` to tolerate divisor being 0 and return NULL instead. If necessary set <config> to \"false\" to bypass this error.",
    sqlState: "22012",
    exceptionType: arith,
  },
  "DATETIME_FIELD_OUT_OF_BOUNDS.WITHOUT_SUGGESTION": {
    message: "<rangeMessage>.",
    sqlState: "22023",
    exceptionType: dateTime,
  },
  "ARITHMETIC_OVERFLOW": {
    message: "<message>. If necessary set <config> to \"false\" to bypass this error.",
    sqlState: "22003",
    exceptionType: arith,
  },
  "NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION": {
    message: "<value> cannot be represented as Decimal(<precision>, <scale>). If necessary set <config> to \"false\" to bypass this error, and return NULL instead.",
    sqlState: "22003",
    exceptionType: arith,
  },
  "INVALID_ARRAY_INDEX": {
    message: "The index <indexValue> is out of bounds. The array has <arraySize> elements. Use the SQL function `get()` to tolerate accessing element at invalid index and return NULL instead.",
    sqlState: "22003",
    exceptionType: "ArrayIndexOutOfBoundsException",
  },
  "PATH_NOT_FOUND": {
    message: "Path does not exist: <path>.",
    sqlState: "42K03",
    exceptionType: analysis,
  },
  "PATH_ALREADY_EXISTS": {
    message: "Path <outputPath> already exists. Set mode as \"overwrite\" to overwrite the existing path.",
    sqlState: "42K04",
    exceptionType: analysis,
  },
  "MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION": {
    message: "Malformed records are detected in record parsing: <badRecord>. Parse Mode: FAILFAST. To process malformed records as null result, try setting the option 'mode' as 'PERMISSIVE'.",
    sqlState: "22023",
    exceptionType: "SparkException",
  },
  "CANNOT_PARSE_TIMESTAMP": {
    message: "<message>. Use `try_to_timestamp` to tolerate invalid input string and return NULL instead.",
    sqlState: "22007",
    exceptionType: dateTime,
  },
  "INCONSISTENT_BEHAVIOR_CROSS_VERSION.DATETIME_PATTERN_RECOGNITION": {
    message: "You may get a different result due to the upgrading to Spark >= 3.0: Fail to recognize <pattern> pattern in the DateTimeFormatter.",
    sqlState: "42K0B",
    exceptionType: "SparkUpgradeException",
  },
  "INCONSISTENT_BEHAVIOR_CROSS_VERSION.DATETIME_WEEK_BASED_PATTERN": {
    message: "You may get a different result due to the upgrading to Spark >= 3.0: All week-based patterns are unsupported since Spark 3.0, detected week-based character: <c>. Please use the SQL function EXTRACT instead.",
    sqlState: "42K0B",
    exceptionType: "SparkUpgradeException",
  },
  "INVALID_DATETIME_PATTERN": {
    message: "Unrecognized datetime pattern: <pattern>.",
    sqlState: "22007",
    exceptionType: illegalArg,
  },
  "INVALID_DATETIME_PATTERN.WITH_SUGGESTION": {
    message: "Unrecognized datetime pattern: <pattern>. You can form a valid datetime pattern with the guide from '<docroot>/sql-ref-datetime-pattern.html'.",
    sqlState: "22007",
    exceptionType: illegalArg,
  },
  "INVALID_DATETIME_PATTERN.ILLEGAL_CHARACTER": {
    message: "Illegal pattern character found in datetime pattern: <c>. Please provide legal character.",
    sqlState: "22007",
    exceptionType: illegalArg,
  },
  "FAILED_READ_FILE.NO_HINT": {
    message: "Encountered error while reading file <path>.",
    sqlState: "KD001",
    exceptionType: "SparkException",
  },
  "UNABLE_TO_INFER_SCHEMA": {
    message: "Unable to infer schema for <format>. It must be specified manually.",
    sqlState: "42KD9",
    exceptionType: analysis,
  },
  "CONFLICTING_PARTITION_COLUMN_NAMES": {
    message: "Conflicting partition column names detected: <distinctPartColLists>.",
    sqlState: "KD009",
    exceptionType: "SparkRuntimeException",
  },
  "INVALID_SAVE_MODE": {
    message: "The specified save mode <mode> is invalid. Valid save modes include \"append\", \"overwrite\", \"ignore\", \"error\", \"errorifexists\", and \"default\".",
    sqlState: "42000",
    exceptionType: analysis,
  },
  "ALL_PARTITION_COLUMNS_NOT_ALLOWED": {
    message: "Cannot use all columns for partition columns.",
    sqlState: "KD005",
    exceptionType: analysis,
  },
  "UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE": {
    message: "The <format> datasource doesn't support the column <columnName> of the type <columnType>.",
    sqlState: "0A000",
    exceptionType: analysis,
  },
  "DATA_SOURCE_NOT_FOUND": {
    message: "Failed to find the data source: <provider>. Make sure the provider name is correct and the package is properly registered and compatible with your Spark version.",
    sqlState: "42K02",
    exceptionType: "SparkClassNotFoundException",
  },
  "UNBOUND_SQL_PARAMETER": {
    message: "Found the unbound parameter: <name>. Please, fix `args` and provide a mapping of the parameter to either a SQL literal or collection constructor functions such as `map()`, `array()`, `struct()`.",
    sqlState: "42P02",
    exceptionType: analysis,
  },
  "INVALID_TYPED_LITERAL": {
    message: "The value of the typed literal <valueType> is invalid: <value>.",
    sqlState: "42604",
    exceptionType: parse,
  },
  "MISSING_WINDOW_SPECIFICATION": {
    message: "Window specification is not defined in the WINDOW clause for <windowName>.",
    sqlState: "42P20",
    exceptionType: analysis,
  },
  "UNRESOLVABLE_TABLE_VALUED_FUNCTION": {
    message: "Could not resolve <name> to a table-valued function.",
    sqlState: "42883",
    exceptionType: analysis,
  },
  "INVALID_INLINE_TABLE.NUM_COLUMNS_MISMATCH": {
    message: "Invalid inline table. Inline table expected <expectedNumCols> columns but found <actualNumCols> columns in row <rowIndex>.",
    sqlState: "42000",
    exceptionType: analysis,
  },
  "INVALID_SUBQUERY_EXPRESSION.SCALAR_SUBQUERY_RETURN_MORE_THAN_ONE_OUTPUT_COLUMN": {
    message: "Invalid subquery: Scalar subquery must return only one column, but got <number>.",
    sqlState: "42823",
    exceptionType: analysis,
  },
  "UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.CORRELATED_REFERENCE": {
    message: "Unsupported subquery expression: Expressions referencing the outer query are not supported outside of WHERE/HAVING clauses: <sqlExprs>.",
    sqlState: "0A000",
    exceptionType: analysis,
  },
  "UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.ACCESSING_OUTER_QUERY_COLUMN_IS_NOT_ALLOWED": {
    message: "Unsupported subquery expression: Accessing outer query column is not allowed in this location:\n<treeNode>",
    sqlState: "0A000",
    exceptionType: analysis,
  },
  "UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.AGGREGATE_FUNCTION_MIXED_OUTER_LOCAL_REFERENCES": {
    message: "Unsupported subquery expression: Found an aggregate function in a correlated predicate that has both outer and local references, which is not supported: <function>.",
    sqlState: "0A000",
    exceptionType: analysis,
  },
  "UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.UNSUPPORTED_CORRELATED_SCALAR_SUBQUERY": {
    message: "Unsupported subquery expression: Correlated scalar subqueries can only be used in filters, aggregations, projections, and UPDATE/MERGE/DELETE commands:\n<treeNode>",
    sqlState: "0A000",
    exceptionType: analysis,
  },
  "SCALAR_SUBQUERY_IS_IN_GROUP_BY_OR_AGGREGATE_FUNCTION": {
    message: "The correlated scalar subquery '<sqlExpr>' is neither present in GROUP BY, nor in an aggregate function.\nAdd it to GROUP BY using ordinal position or wrap it in `first()` (or `first_value`) if you don't care which value you get.",
    sqlState: "0A000",
    exceptionType: analysis,
  },
  "SCALAR_SUBQUERY_TOO_MANY_ROWS": {
    message: "More than one row returned by a subquery used as an expression.",
    sqlState: "21000",
    exceptionType: "SparkException",
  },
  "UNRESOLVED_ALL_IN_GROUP_BY": {
    message: "Cannot infer grouping columns for GROUP BY ALL based on the select clause. Please explicitly specify the grouping columns.",
    sqlState: "42803",
    exceptionType: analysis,
  },
  "INVALID_LIMIT_LIKE_EXPRESSION.IS_NEGATIVE": {
    message: "The limit like expression <expr> is invalid. The limit expression must be equal to or greater than 0, but got <v>.",
    sqlState: "42K0E",
    exceptionType: analysis,
  },
  "TEMP_VIEW_NAME_TOO_MANY_NAME_PARTS": {
    message: "CREATE TEMPORARY VIEW or the corresponding Dataset APIs only accept single-part view names, but got: <actualName>.",
    sqlState: "428EK",
    exceptionType: parse,
  },
  "PARSE_SYNTAX_ERROR": {
    message: "Syntax error at or near <error><hint>.",
    sqlState: "42601",
    exceptionType: parse,
  },
  "PARSE_DATATYPE_ERROR": {
    message: "Cannot parse the data type: <dataType>.",
    sqlState: "42601",
    exceptionType: parse,
  },
  "UNSUPPORTED_DATATYPE": {
    message: "Unsupported data type <typeName>.",
    sqlState: "0A000",
    exceptionType: parse,
  },
  "NUM_COLUMNS_MISMATCH": {
    message: "<operator> can only be performed on inputs with the same number of columns, but the first input has <firstNumColumns> columns and the <invalidOrdinalNum> input has <invalidNumColumns> columns.",
    sqlState: "42826",
    exceptionType: analysis,
  },
  "INCOMPATIBLE_COLUMN_TYPE": {
    message: "<operator> can only be performed on tables with compatible column types. The <columnOrdinalNumber> column of the <tableOrdinalNumber> table is <dataType1> type which is not compatible with <dataType2> at the same column of the first table.",
    sqlState: "42825",
    exceptionType: analysis,
  },
  "UNSUPPORTED_JOIN_TYPE": {
    message: "Unsupported join type '<typ>'. Supported join types include: <supported>.",
    sqlState: "0A000",
    exceptionType: analysis,
  },
  "INVALID_OPTION": {
    message: "<message>",
    sqlState: "42K06",
    exceptionType: illegalArg,
  },
  "COLUMN_ALREADY_EXISTS": {
    message: "The column <columnName> already exists. Choose another name or rename the existing column.",
    sqlState: "42711",
    exceptionType: analysis,
  },
  "GROUP_BY_POS_OUT_OF_RANGE": {
    message: "GROUP BY position <index> is not in select list (valid range is [1, <size>]).",
    sqlState: "42805",
    exceptionType: analysis,
  },
  "ORDER_BY_POS_OUT_OF_RANGE": {
    message: "ORDER BY position <index> is not in select list (valid range is [1, <size>]).",
    sqlState: "42805",
    exceptionType: analysis,
  },
  "WRONG_NUM_ARGS.WITHOUT_SUGGESTION": {
    message: "The <functionName> requires <expectedNum> parameters but the actual number is <actualNum>. Please, refer to 'https://spark.apache.org/docs/latest/sql-ref-functions.html' for a fix.",
    sqlState: "42605",
    exceptionType: analysis,
  },
  "UNSUPPORTED_TIME_TYPE": {
    message: "The data type TIME is not supported.",
    sqlState: "0A000",
    exceptionType: analysis,
  },
  "UNSUPPORTED_FEATURE": {
    message: "The feature is not supported: <feature>",
    sqlState: "0A000",
    exceptionType: analysis,
  },
  "OPERATION_CANCELED": {
    message: "Operation has been canceled.",
    sqlState: "HY008",
    exceptionType: "SparkException",
  },
  "INTERNAL_ERROR": {
    message: "<message> This is a bug in Pijar: please report it.",
    sqlState: "XX000",
    exceptionType: "PySparkException",
  },
  "CANNOT_CONVERT_TYPE": {
    message: "<message>",
    sqlState: "42846",
    exceptionType: "PySparkTypeError",
  },
  "INVALID_PARAMETER_VALUE": {
    message: "The value of parameter(s) <parameter> in <functionName> is invalid: <message>",
    sqlState: "22023",
    exceptionType: illegalArg,
  },
  "INVALID_ARGUMENT": {
    message: "<message>",
    sqlState: "22023",
    exceptionType: "PySparkValueError",
  },
  "HIGHER_ORDER_FUNCTION_SHOULD_RETURN_COLUMN": {
    message: "Function `<func_name>` should return Column, got <return_type>.",
    exceptionType: "PySparkValueError",
  },
  "WRONG_NUM_ARGS_FOR_HIGHER_ORDER_FUNCTION": {
    message: "Function `<func_name>` should take between 1 and 3 arguments, but the provided function takes <num_args>.",
    exceptionType: "PySparkValueError",
  },
  "INVALID_TYPE": {
    message: "<message>",
    sqlState: "42K09",
    exceptionType: "PySparkTypeError",
  },
  // ---- JDBC (src/io/jdbc) ----
  "TABLE_OR_VIEW_ALREADY_EXISTS": {
    message: "Cannot create table or view <relationName> because it already exists. Choose a different name, drop or replace the existing object, or add the IF NOT EXISTS clause to tolerate pre-existing objects.",
    sqlState: "42P07",
    exceptionType: analysis,
  },
  "FAILED_JDBC": {
    message: "Failed JDBC <url> on the operation: <message>",
    sqlState: "HV000",
    exceptionType: analysis,
  },
  "CANNOT_CONNECT_TO_DATABASE": {
    message: "Cannot connect to <database> at <host>:<port>: <reason>. Check that the server is running and reachable, and that the user and password are right.",
    sqlState: "08001",
    exceptionType: "SparkSQLException",
  },
  "JDBC_INVALID_URL": {
    message: "Invalid JDBC URL <url>: <reason>.",
    sqlState: "22023",
    exceptionType: illegalArg,
  },
  "JDBC_OPTIONS_CONFLICT": {
    message: "<message>",
    sqlState: "42613",
    exceptionType: illegalArg,
  },
  "JDBC_MISSING_OPTION": {
    message: "Option '<option>' is required for jdbc.",
    sqlState: "42601",
    exceptionType: illegalArg,
  },
  // From Spark 4.3's error-conditions.json (the spark-common-utils jar, or pyspark/errors for
  // PySpark's own): message template and SQLSTATE as Spark defines them.
  "INVALID_EXTRACT_BASE_FIELD_TYPE": {
    message: "Can't extract a value from <base>. Need a complex type [STRUCT, ARRAY, MAP] but got <other>.",
    sqlState: "42000",
  },
  "SQL_CONF_NOT_FOUND": {
    message: "The SQL config <sqlConf> cannot be found. Please verify that the config exists.",
    sqlState: "42K0I",
  },
  "CANNOT_INFER_TYPE_FOR_FIELD": {
    message: "Unable to infer the type of the field `<field_name>`.",
    sqlState: "42K09",
  },
  "CANNOT_MERGE_TYPE": {
    message: "Can not merge type `<data_type1>` and `<data_type2>`.",
    sqlState: "42K09",
  },
  "FIELD_DATA_TYPE_UNACCEPTABLE": {
    message: "<data_type> can not accept object <obj> in type <obj_type>.",
  },
  "VALUE_OUT_OF_BOUNDS": {
    message: "Value for `<arg_name>` must be between <lower_bound> and <upper_bound> (inclusive), got <actual>",
  },
  "CANNOT_INFER_EMPTY_SCHEMA": {
    message: "Can not infer schema from an empty dataset.",
    sqlState: "42K09",
  },
  "CANNOT_DETERMINE_TYPE": {
    message: "Some of types cannot be determined after inferring.",
  },
  "LENGTH_SHOULD_BE_THE_SAME": {
    message: "<arg1> and <arg2> should be of the same length, got <arg1_length> and <arg2_length>.",
  },
  "FIELD_NOT_NULLABLE": {
    message: "Field is not nullable, but got None.",
  },
  "CANNOT_BE_EMPTY": {
    message: "At least one <item> must be specified.",
  },
  "FIELD_NOT_FOUND": {
    message: "No such struct field <fieldName> in <fields>.",
    sqlState: "42704",
  },
  "INVALID_ARRAY_INDEX_IN_ELEMENT_AT": {
    message: "The index <indexValue> is out of bounds. The array has <arraySize> elements. Use `try_element_at` to tolerate accessing element at invalid index and return NULL instead.",
    sqlState: "22003",
  },
  "INVALID_INDEX_OF_ZERO": {
    message: "The index 0 is invalid. An index shall be either < 0 or > 0 (the first element has index 1).",
    sqlState: "22003",
  },
  "DUPLICATED_MAP_KEY": {
    message: "Duplicate map key <key> was found, please check the input data.\nIf you want to remove the duplicated keys, you can set <mapKeyDedupPolicy> to \"LAST_WIN\" so that the key inserted at last takes precedence.",
    sqlState: "23505",
  },
  "NULL_MAP_KEY": {
    message: "Cannot use null as map key.",
    sqlState: "2200E",
  },
  "USER_RAISED_EXCEPTION": {
    message: "<errorMessage>",
    sqlState: "P0001",
  },
  "ILLEGAL_DAY_OF_WEEK": {
    message: "Illegal input for day of week: <string>.",
    sqlState: "22009",
  },
  "DATETIME_FIELD_OUT_OF_BOUNDS": {
    message: "<rangeMessage>.",
    sqlState: "22023",
  },
  "INVALID_EXTRACT_FIELD": {
    message: "Cannot extract <field> from <expr>.",
    sqlState: "42601",
  },
  "INVALID_INTERVAL_FORMAT": {
    message: "Error parsing '<input>' to interval. Please ensure that the value provided is in a valid format for defining an interval. You can reference the documentation for the correct format.",
    sqlState: "22006",
  },
  "INVALID_SCHEMA.NON_STRING_LITERAL": {
    message: "The input schema <inputSchema> is not a valid schema string. The input expression must be string literal and not null.",
    sqlState: "42K07",
  },
  "INVALID_UTF8_STRING": {
    message: "Invalid UTF8 byte sequence found in string: <str>.",
    sqlState: "22029",
    exceptionType: illegalArg,
  },
  "INVALID_URL": {
    message: "The url is invalid: <url>. Use `try_parse_url` to tolerate invalid URL and return NULL instead.",
    sqlState: "22P02",
    exceptionType: illegalArg,
  },
  "INVALID_PARAMETER_VALUE.HMAC_ALGORITHM": {
    message: "The value of parameter(s) <parameter> in <functionName> is invalid: expects one of the algorithms 'SHA-224', 'SHA-256', 'SHA-384', 'SHA-512', 'SHA-1', 'MD5', but got <algorithm>.",
    sqlState: "22023",
    exceptionType: "SparkRuntimeException",
  },
  "INVALID_PARAMETER_VALUE.OCCURRENCE": {
    message: "The value of parameter(s) <parameter> in <functionName> is invalid: expects a positive integer, but got <actual>.",
    sqlState: "22023",
    exceptionType: "SparkRuntimeException",
  },
  "INVALID_PARAMETER_VALUE.BINARY_FORMAT": {
    message: "The value of parameter(s) <parameter> in <functionName> is invalid: expects one of binary formats 'base64', 'hex', 'utf-8', but got <invalidFormat>.",
    sqlState: "22023",
    exceptionType: illegalArg,
  },
  "NAMED_PARAMETERS_NOT_SUPPORTED": {
    message: "Named parameters are not supported for function <functionName>; please retry the query with positional arguments to the function call instead.",
    sqlState: "4274K",
    exceptionType: analysis,
  },
  "UNRECOGNIZED_PARAMETER_NAME": {
    message: "Cannot invoke routine <routineName> because the routine call included a named argument reference for the argument named <argumentName>, but this routine does not include any signature containing an argument with this name. Did you mean one of the following? [<proposal>].",
    sqlState: "4274K",
    exceptionType: analysis,
  },
  "DUPLICATE_ROUTINE_PARAMETER_ASSIGNMENT.BOTH_POSITIONAL_AND_NAMED": {
    message: "Call to routine <routineName> is invalid because it includes multiple argument assignments to the same parameter name <parameterName>. A positional argument and named argument both referred to the same parameter. Please remove the named argument referring to this parameter.",
    sqlState: "4274K",
    exceptionType: analysis,
  },
  "DUPLICATE_ROUTINE_PARAMETER_ASSIGNMENT.DOUBLE_NAMED_ARGUMENT_REFERENCE": {
    message: "Call to routine <routineName> is invalid because it includes multiple argument assignments to the same parameter name <parameterName>. More than one named argument referred to the same parameter. Please assign a value only once.",
    sqlState: "4274K",
    exceptionType: analysis,
  },
  "UNEXPECTED_POSITIONAL_ARGUMENT": {
    message: "Cannot invoke routine <routineName> because it contains positional argument(s) following the named argument assigned to <parameterName>; please rearrange them so the positional arguments come first and then retry the query again.",
    sqlState: "4274K",
    exceptionType: analysis,
  },
  "REQUIRED_PARAMETER_NOT_FOUND": {
    message: "Cannot invoke routine <routineName> because the parameter named <parameterName> is required, but the routine call did not supply a value. Please update the routine call to supply an argument value (either positionally at index <index> or by name) and retry the query again.",
    sqlState: "4274K",
    exceptionType: analysis,
  },
  "DATATYPE_MISMATCH.NON_FOLDABLE_INPUT": {
    message: "Cannot resolve <sqlExpr> due to data type mismatch: the input <inputName> should be a foldable <inputType> expression; however, got <inputExpr>.",
    sqlState: "42K09",
    exceptionType: analysis,
  },
  "DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE": {
    message: "Cannot resolve <sqlExpr> due to data type mismatch: The <exprName> must be between <valueRange> (current value = <currentValue>).",
    sqlState: "42K09",
    exceptionType: analysis,
  },
  "DATATYPE_MISMATCH.STACK_COLUMN_DIFF_TYPES": {
    message: "Cannot resolve <sqlExpr> due to data type mismatch: The data type of the column (<columnIndex>) do not have the same type: <leftType> (<leftParamIndex>) <> <rightType> (<rightParamIndex>).",
    sqlState: "42K09",
    exceptionType: analysis,
  },
  "INVALID_PARAMETER_VALUE.HMAC_CRYPTO_ERROR": {
    message: "The value of parameter(s) <parameter> in <functionName> is invalid: detail message: <detailMessage>",
    sqlState: "22023",
    exceptionType: "SparkRuntimeException",
  },
  "CANNOT_DECODE_URL": {
    message: "The provided URL cannot be decoded: <url>. Please ensure that the URL is properly formatted and try again.",
    sqlState: "22546",
  },
  "CONVERSION_INVALID_INPUT": {
    message: "The value <str> (<fmt>) cannot be converted to <targetType> because it is malformed. Correct the value as per the syntax, or change its format. Use <suggestion> to tolerate malformed input and return NULL instead.",
    sqlState: "22018",
    exceptionType: illegalArg,
  },
  "INVALID_FORMAT.ESC_IN_THE_MIDDLE": {
    message: "The format is invalid: <format>. The escape character is not allowed to precede <char>.",
    sqlState: "42601",
  },
  "INVALID_WHERE_CONDITION": {
    message: "The WHERE condition <condition> contains invalid expressions: <expressionList>.\nRewrite the query to avoid window functions, aggregate functions, and generator functions in the WHERE clause.",
    sqlState: "42903",
  },
  "UDTF_ALIAS_NUMBER_MISMATCH": {
    message: "The number of aliases supplied in the AS clause does not match the number of columns output by the UDTF.\nExpected <aliasesSize> aliases, but got <aliasesNames>.\nPlease ensure that the number of aliases provided matches the number of columns output by the UDTF.",
    sqlState: "42802",
  },
  "UNRESOLVED_USING_COLUMN_FOR_JOIN": {
    message: "USING column <colName> cannot be resolved on the <side> side of the join. The <side>-side columns: [<suggestion>].",
    sqlState: "42703",
  },
  "CANNOT_RESOLVE_STAR_EXPAND": {
    message: "Cannot resolve <targetString>.* given input columns <columns>. Please check that the specified table or struct exists and is accessible in the input columns.",
    sqlState: "42704",
  },
  "INVALID_NUMERIC_LITERAL_RANGE": {
    message: "Numeric literal <rawStrippedQualifier> is outside the valid range for <typeName> with minimum value of <minValue> and maximum value of <maxValue>. Please adjust the value accordingly.",
    sqlState: "22003",
  },
  "INVALID_SQL_SYNTAX": {
    message: "Invalid SQL syntax:",
    sqlState: "42000",
  },
  // Classes Pijar raises that Spark 4.3 does not define (the raise sites write the text).
  "NOT_COLUMN": { message: "<message>" },
  "NOT_BOOL_OR_DICT_OR_FLOAT_OR_INT_OR_STR": { message: "<message>" },
  "VALUE_NOT_ANY_OR_ALL": { message: "<message>" },
  "INVALID_WINDOW_FRAME": { message: "<message>" },
  // Reader and writer safety (Spark's where it has one; Pijar's own names where it has none).
  "_LEGACY_ERROR_TEMP_1321": { message: "Invalid view name: <viewName>.", exceptionType: analysis },
  "CODEC_NOT_AVAILABLE.WITH_AVAILABLE_CODECS_SUGGESTION": {
    message: "The codec <codecName> is not available. Available codecs are <availableCodecs>.", sqlState: "56038", exceptionType: illegalArg,
  },
  "FAILED_READ_FILE.CANNOT_READ_FILE_FOOTER": {
    message: "Encountered error while reading file <path>. Could not read footer. Please ensure that the file is in either ORC or Parquet format.\nIf not, please convert it to a valid format. If the file is in the valid format, please check if it is corrupt.\nIf it is, you can choose to either ignore it or fix the corruption.",
    sqlState: "KD001",
  },
  // Writes that fail for lack of space (ENOSPC, EDQUOT, EFBIG) or a destination in the way (EEXIST).
  "TASK_WRITE_FAILED": { message: "Task failed while writing rows to <path>.", sqlState: "58030", exceptionType: "SparkException" },
  "FAILED_RENAME_PATH": {
    message: "Failed to rename <sourcePath> to <targetPath> as destination already exists.", sqlState: "42K04", exceptionType: "SparkFileAlreadyExistsException",
  },
  // Pijar's own: Spark raises a Hadoop ParentNotDirectoryException with no class here.
  "PATH_NOT_A_DIRECTORY": { message: "Parent path is not a directory: <path>." },
  // Pijar's own: a raw-SQL JDBC option that holds more than one statement.
  "JDBC_MULTIPLE_STATEMENTS": { message: "The '<option>' option must be exactly one SELECT statement." },
  // Spark Connect client conditions (PySpark's Connect client raises these without a SQLSTATE).
  "INVALID_CONNECT_URL": { message: "Invalid URL for Spark Connect: <detail>" },
  "CONNECT_SERVER_UNAVAILABLE": { message: "The Spark Connect server is unavailable." },
  "UNSUPPORTED_DATA_TYPE": { message: "Unsupported DataType `<data_type>`.", exceptionType: analysis },
  "UNSUPPORTED_FEATURE.SPARK_CONNECT_METHOD": { message: "<feature> is not available on a Spark Connect session." },
  "UNSUPPORTED_FEATURE.SPARK_CONNECT_SERVER_VERSION": { message: "<feature> needs a newer Spark Connect server." },
  // SQL front end: catalog statements, WITHIN GROUP, inline tables, CSV functions (Spark's templates).
  "UNSUPPORTED_GROUPING_EXPRESSION": { message: "grouping()/grouping_id() can only be used with GroupingSets/Cube/Rollup.", sqlState: "42K0E" },
  "INVALID_OPTIONS.NON_MAP_FUNCTION": { message: "Invalid options: Must use the `map()` function for options.", sqlState: "42K06" },
  "INVALID_OPTIONS.NON_STRING_TYPE": { message: "Invalid options: A type of keys and values in `map()` must be string, but got <mapType>.", sqlState: "42K06" },
  "NON_FOLDABLE_ARGUMENT": { message: "The function <funcName> requires the parameter <paramName> to be a foldable expression of the type <paramType>, but the actual argument is a non-foldable.", sqlState: "42K08" },
  "INVALID_INLINE_TABLE.FAILED_SQL_EXPRESSION_EVALUATION": { message: "Invalid inline table. Failed to evaluate the SQL expression <sqlExpr>. Please check your syntax and ensure all required tables and columns are available.", sqlState: "42000" },
  // Intervals (src/values/interval.ts, src/functions/interval/).
  "INVALID_INTERVAL_FORMAT.ARITHMETIC_EXCEPTION": { message: "Error parsing '<input>' to interval. Please ensure that the value provided is in a valid format for defining an interval. You can reference the documentation for the correct format. Uncaught arithmetic exception while parsing '<input>'.", sqlState: "22006", exceptionType: illegalArg },
  "INVALID_INTERVAL_FORMAT.INPUT_IS_EMPTY": { message: "Error parsing '<input>' to interval. Please ensure that the value provided is in a valid format for defining an interval. You can reference the documentation for the correct format. Interval string cannot be empty.", sqlState: "22006", exceptionType: illegalArg },
  "INVALID_INTERVAL_FORMAT.INTERVAL_PARSING": { message: "Error parsing '<input>' to interval. Please ensure that the value provided is in a valid format for defining an interval. You can reference the documentation for the correct format. Error parsing interval <interval> string.", sqlState: "22006", exceptionType: illegalArg },
  "INVALID_INTERVAL_FORMAT.INVALID_FRACTION": { message: "Error parsing '<input>' to interval. Please ensure that the value provided is in a valid format for defining an interval. You can reference the documentation for the correct format. <unit> cannot have fractional part.", sqlState: "22006", exceptionType: illegalArg },
  "INVALID_INTERVAL_FORMAT.INVALID_UNIT": { message: "Error parsing '<input>' to interval. Please ensure that the value provided is in a valid format for defining an interval. You can reference the documentation for the correct format. Invalid unit <unit>.", sqlState: "22006", exceptionType: illegalArg },
  "INVALID_INTERVAL_FORMAT.INVALID_VALUE": { message: "Error parsing '<input>' to interval. Please ensure that the value provided is in a valid format for defining an interval. You can reference the documentation for the correct format. Invalid value <value>.", sqlState: "22006", exceptionType: illegalArg },
  "INVALID_INTERVAL_FORMAT.MISSING_UNIT": { message: "Error parsing '<input>' to interval. Please ensure that the value provided is in a valid format for defining an interval. You can reference the documentation for the correct format. Expect a unit name after <word> but hit EOL.", sqlState: "22006", exceptionType: illegalArg },
  "INVALID_INTERVAL_FORMAT.UNMATCHED_FORMAT_STRING": { message: "Error parsing '<input>' to interval. Please ensure that the value provided is in a valid format for defining an interval. You can reference the documentation for the correct format. Interval string does not match <intervalStr> format of <supportedFormat> when cast to <typeName>: <input>.", sqlState: "22006", exceptionType: illegalArg },
  "INVALID_INTERVAL_FORMAT.UNMATCHED_FORMAT_STRING_WITH_NOTICE": { message: "Error parsing '<input>' to interval. Please ensure that the value provided is in a valid format for defining an interval. You can reference the documentation for the correct format. Interval string does not match <intervalStr> format of <supportedFormat> when cast to <typeName>: <input>. Set \"spark.sql.legacy.fromDayTimeString.enabled\" to \"true\" to restore the behavior before Spark 3.0.", sqlState: "22006", exceptionType: illegalArg },
  "INVALID_INTERVAL_FORMAT.UNSUPPORTED_FROM_TO_EXPRESSION": { message: "Error parsing '<input>' to interval. Please ensure that the value provided is in a valid format for defining an interval. You can reference the documentation for the correct format. Cannot support (interval '<input>' <from> to <to>) expression.", sqlState: "22006", exceptionType: parse },
  "DATATYPE_MISMATCH.INVALID_ORDERING_TYPE": { message: "Cannot resolve <sqlExpr> due to data type mismatch: The <functionName> does not support ordering on type <dataType>.", sqlState: "42K09", exceptionType: analysis },
  "INTERVAL_DIVIDED_BY_ZERO": { message: "Division by zero. Use `try_divide` to tolerate divisor being 0 and return NULL instead.", sqlState: "22012", exceptionType: arith },
  "INTERVAL_ARITHMETIC_OVERFLOW.WITH_SUGGESTION": { message: "Integer overflow while operating with intervals. Use <functionName> to tolerate overflow and return NULL instead.", sqlState: "22015", exceptionType: arith },
  "INTERVAL_ARITHMETIC_OVERFLOW.WITHOUT_SUGGESTION": { message: "Integer overflow while operating with intervals. Try devising appropriate values for the interval parameters.", sqlState: "22015", exceptionType: arith },
  "DATETIME_OVERFLOW": { message: "Datetime operation overflow: <operation>.", sqlState: "22008", exceptionType: arith },
  "_LEGACY_ERROR_TEMP_3242": { message: "sequence step must be an <intervalType> of day granularity if start and end values are dates", exceptionType: "IllegalArgumentException" },
  "_LEGACY_ERROR_TEMP_0029": { message: "Cannot mix year-month and day-time fields: <literal>.", exceptionType: parse },
  "MISSING_GROUP_BY": { message: "The query does not include a GROUP BY clause. Add GROUP BY or turn it into the window functions using OVER clauses.", sqlState: "42803" },
  "INCOMPATIBLE_DATA_FOR_TABLE.CANNOT_SAFELY_CAST": { message: "Cannot write incompatible data for the table <tableName>: Cannot safely cast <colName> <srcType> to <targetType>.", sqlState: "KD000" },
  "SCHEMA_NOT_FOUND": { message: "The schema <schemaName> cannot be found. Verify the spelling and correctness of the schema and catalog.\nIf you did not qualify the name with a catalog, verify the current_schema() output, or qualify the name with the correct catalog.\nTo tolerate the error on drop use DROP SCHEMA IF EXISTS.", sqlState: "42704" },
  "REQUIRES_SINGLE_PART_NAMESPACE": { message: "<sessionCatalog> requires a single-part namespace, but got identifier <identifier>.", sqlState: "42K05" },
  "SCHEMA_ALREADY_EXISTS": { message: "Cannot create schema <schemaName> because it already exists.\nChoose a different name, drop the existing schema, or add the IF NOT EXISTS clause to tolerate pre-existing schema.", sqlState: "42P06" },
  "SCHEMA_NOT_EMPTY": { message: "Cannot drop a schema <schemaName> because it contains objects.\nUse DROP SCHEMA ... CASCADE to drop the schema and all its objects.", sqlState: "2BP01" },
  "INVALID_WITHIN_GROUP_EXPRESSION.MISMATCH_WITH_DISTINCT_INPUT": { message: "Invalid function <funcName> with WITHIN GROUP. The function is invoked with DISTINCT and WITHIN GROUP but expressions <funcArg> and <orderingExpr> do not match. The WITHIN GROUP ordering expression must be picked from the function inputs.", sqlState: "42K0K" },
  "INVALID_WITHIN_GROUP_EXPRESSION.WITHIN_GROUP_MISSING": { message: "Invalid function <funcName> with WITHIN GROUP. WITHIN GROUP is required for the function.", sqlState: "42K0K" },
  "INVALID_WITHIN_GROUP_EXPRESSION.DISTINCT_UNSUPPORTED": { message: "Invalid function <funcName> with WITHIN GROUP. The function does not support DISTINCT with WITHIN GROUP.", sqlState: "42K0K" },
  "INVALID_WITHIN_GROUP_EXPRESSION.WRONG_NUM_ORDERINGS": { message: "Invalid function <funcName> with WITHIN GROUP. The function requires <expectedNum> orderings in WITHIN GROUP but got <actualNum>.", sqlState: "42K0K" },
  "INVALID_WINDOW_SPEC_FOR_AGGREGATION_FUNC": { message: "Cannot specify ORDER BY or a window frame for <aggFunc>.", sqlState: "42601" },
};
