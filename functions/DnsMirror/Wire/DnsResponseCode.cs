namespace DnsMirror.Wire;

/// <summary>RCODE values (RFC 1035 §4.1.1, RFC 2136 §2.2) and the TSIG error codes of RFC 8945 §3.</summary>
// Public, unlike the rest of the wire code: a plain IANA RCODE registry with no behaviour, and the tests'
// theory parameters (which xUnit needs on public methods) are of this type.
public enum DnsResponseCode : ushort
{
    NoError = 0,
    FormErr = 1,
    ServFail = 2,
    NXDomain = 3,
    NotImp = 4,
    Refused = 5,
    YXDomain = 6,
    YXRRSet = 7,
    NXRRSet = 8,
    NotAuth = 9,
    NotZone = 10,
    BadSig = 16,
    BadKey = 17,
    BadTime = 18,
    BadTrunc = 22,
}
