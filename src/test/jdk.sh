# Sourced by the drills and the benchmark: the java they start Payara Micro 7 with must be 21 or newer.
# JAVA_HOME, when set, comes first on the PATH, as for Maven.
if [ -n "${JAVA_HOME:-}" ]; then PATH="$JAVA_HOME/bin:$PATH"; export PATH; fi
jdk_feature=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')
if [ "${jdk_feature:-0}" -lt 21 ] 2>/dev/null; then
  echo "Payara Micro 7 needs a JDK 21 or newer; 'java' here is ${jdk_feature:-unknown}: set JAVA_HOME to a JDK 21+." >&2
  exit 1
fi
