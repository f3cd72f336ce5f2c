namespace DnsMirror.Wire;

/// <summary>RR TYPE values (IANA "Resource Record (RR) TYPEs" registry) this code names.</summary>
// Public, unlike the rest of the wire code: a plain IANA RR TYPE registry with no behaviour, and the tests'
// theory parameters (which xUnit needs on public methods) are of this type.
public enum DnsRecordType : ushort
{
    A = 1,
    NS = 2,
    CNAME = 5,
    SOA = 6,
    PTR = 12,
    MX = 15,
    TXT = 16,
    AAAA = 28,
    SRV = 33,
    NAPTR = 35,
    DNAME = 39,
    OPT = 41,
    DS = 43,
    SSHFP = 44,
    RRSIG = 46,
    NSEC = 47,
    DNSKEY = 48,
    NSEC3 = 50,
    NSEC3PARAM = 51,
    TLSA = 52,
    SVCB = 64,
    HTTPS = 65,
    SPF = 99,
    TSIG = 250,
    IXFR = 251,
    AXFR = 252,
    ANY = 255,
    CAA = 257,
}
