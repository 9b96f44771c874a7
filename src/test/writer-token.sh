# Sourced by the benchmark and the start-up drill. writer_token KEY SUBJECT prints an RS256 bearer token with the
# role writer for MP_JWT_VERIFY_ISSUER and the audience products, valid for a day, signed with the private key KEY:
# what an identity provider issues, made with openssl alone.
writer_token() {
  local now header claims
  now=$(date +%s)
  header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
  claims=$(printf '{"iss":"%s","sub":"%s","aud":"products","iat":%d,"exp":%d,"jti":"%s-%d","groups":["writer"]}' \
    "$MP_JWT_VERIFY_ISSUER" "$2" "$now" $((now + 86400)) "$2" "$now" | b64url)
  printf '%s.%s.%s' "$header" "$claims" \
    "$(printf '%s.%s' "$header" "$claims" | openssl dgst -sha256 -sign "$1" -binary | b64url)"
}
b64url() { openssl base64 -e -A | tr '+/' '-_' | tr -d '='; }
