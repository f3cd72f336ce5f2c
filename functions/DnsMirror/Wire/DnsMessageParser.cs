namespace DnsMirror.Wire;

/// <summary>
/// Parses a whole message (RFC 1035 §4.1): header, question, answer, authority, additional. Any deviation
/// is a <see cref="DnsFormatException"/> carrying the offset; trailing octets after the counted sections too.
/// </summary>
internal static class DnsMessageParser
{
    public static DnsMessage Parse(ReadOnlySpan<byte> message) => Parse(message, answerSink: null);

    /// <summary>
    /// Parses a message; answers go into <paramref name="answerSink"/> when given (an AXFR appends every
    /// message's answers to one list instead of allocating one per message).
    /// </summary>
    public static DnsMessage Parse(ReadOnlySpan<byte> message, List<DnsResourceRecord>? answerSink)
    {
        var reader = new DnsWireReader(message);
        if (!reader.TryReadHeader(out var header))
        {
            throw reader.ToException();
        }

        var questions = new List<DnsQuestion>(header.QuestionCount);
        Span<byte> name = stackalloc byte[DnsWireReader.MaxNameLength];
        for (var i = 0; i < header.QuestionCount; i++)
        {
            // RFC 1035 §4.1.2: QNAME, QTYPE, QCLASS.
            if (!reader.TryReadName(name, out var nameLength) || !reader.TryReadUInt16(out var type) || !reader.TryReadUInt16(out var @class))
            {
                throw reader.ToException();
            }

            questions.Add(new DnsQuestion(DomainNameText.Format(name[..nameLength]), (DnsRecordType)type, @class));
        }

        var names = new OwnerNameCache();
        var answers = answerSink ?? new List<DnsResourceRecord>(header.AnswerCount);
        ReadSection(ref reader, header.AnswerCount, answers, names, allowTsig: false);
        var authorities = new List<DnsResourceRecord>(header.AuthorityCount);
        ReadSection(ref reader, header.AuthorityCount, authorities, names, allowTsig: false);
        var additionals = new List<DnsResourceRecord>(header.AdditionalCount);
        var tsigOffset = ReadSection(ref reader, header.AdditionalCount, additionals, names, allowTsig: true);
        DnsResourceRecord? tsig = null;
        if (tsigOffset >= 0)
        {
            tsig = additionals[^1];
            additionals.RemoveAt(additionals.Count - 1);
        }

        if (reader.Remaining != 0)
        {
            throw new DnsFormatException("octets after the last counted record", reader.Position, message.Length);
        }

        return new DnsMessage(header, questions, answerSink is null ? answers : [], authorities, additionals, tsig, tsigOffset);
    }

    /// <summary>Reads <paramref name="count"/> RRs (RFC 1035 §4.1.3); returns the TSIG RR's offset or -1.</summary>
    private static int ReadSection(ref DnsWireReader reader, int count, List<DnsResourceRecord> records, OwnerNameCache names, bool allowTsig)
    {
        Span<byte> name = stackalloc byte[DnsWireReader.MaxNameLength];
        var tsigOffset = -1;
        for (var i = 0; i < count; i++)
        {
            var recordStart = reader.Position;
            if (!reader.TryReadName(name, out var nameLength)
                || !reader.TryReadUInt16(out var type)
                || !reader.TryReadUInt16(out var @class)
                || !reader.TryReadUInt32(out var ttl)
                || !reader.TryReadUInt16(out var rdLength))
            {
                throw reader.ToException();
            }

            if ((DnsRecordType)type == DnsRecordType.TSIG)
            {
                // RFC 8945 §5.1: the TSIG RR may only be the very last record of the message.
                if (!allowTsig || i != count - 1)
                {
                    throw new DnsFormatException("TSIG record that is not the last record", recordStart, reader.Length);
                }

                tsigOffset = recordStart;
            }

            if (!RDataDecoder.TryDecode(ref reader, (DnsRecordType)type, rdLength, out var data))
            {
                throw reader.ToException();
            }

            records.Add(new DnsResourceRecord(names.Get(name[..nameLength]), (DnsRecordType)type, @class, ttl, data));
        }

        return tsigOffset;
    }
}
