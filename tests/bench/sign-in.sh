# Sourced by bench.sh and profile.sh. sign_in_as_representative BASE_URL JAR signs in as the representative of
# US-0001 (the account with the most orders), keeps the cookies in the file JAR for later posts, and prints the
# Cookie header a returning browser sends: both the sign-in and the antiforgery cookie. Without the antiforgery
# one, every page would mint and encrypt a new antiforgery cookie, which no real visit after the first does.
sign_in_as_representative() {
  local base=$1 jar=$2 login_page token
  login_page=$(curl -fs -c "$jar" "$base/Identity/Account/Login")
  token=$(printf '%s' "$login_page" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
  curl -fs -b "$jar" -c "$jar" -o /dev/null \
    --data-urlencode "Input.Email=rep@contoso.example" --data-urlencode "Input.Password=Demo-Portal-2026!" \
    --data-urlencode "__RequestVerificationToken=$token" "$base/Identity/Account/Login"
  grep -q 'CustomerPortal.Auth' "$jar" || { echo "sign-in failed" >&2; return 1; }
  awk '$6 == "CustomerPortal.Auth" || $6 == "CustomerPortal.Antiforgery" { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$jar"
}
