package dev.scangate.local.macie.scanner.detect;

import java.util.List;

/**
 * Word lists behind the NAME and ADDRESS detectors. Macie finds full names with a machine-learning
 * model; this scanner approximates it with a dictionary: a full name is a common given name (from US
 * and UK birth-name statistics) written capitalised, optionally a middle initial, followed by a
 * capitalised surname that is not a common English word, month, weekday or street/title word.
 */
final class NameDictionary {

    static final WordSet GIVEN_NAMES = new WordSet(List.of(
            "james", "john", "robert", "michael", "william", "david", "richard", "joseph", "thomas", "charles",
            "christopher", "daniel", "matthew", "anthony", "mark", "donald", "steven", "paul", "andrew", "joshua",
            "kenneth", "kevin", "brian", "george", "timothy", "ronald", "edward", "jason", "jeffrey", "ryan",
            "jacob", "gary", "nicholas", "eric", "jonathan", "stephen", "larry", "justin", "scott", "brandon",
            "benjamin", "samuel", "gregory", "alexander", "frank", "patrick", "raymond", "jack", "dennis", "jerry",
            "tyler", "aaron", "jose", "adam", "nathan", "henry", "douglas", "zachary", "peter", "kyle", "ethan",
            "walter", "noah", "jeremy", "christian", "keith", "roger", "terry", "gerald", "harold", "sean",
            "austin", "carl", "arthur", "lawrence", "dylan", "jesse", "jordan", "bryan", "billy", "joe", "bruce",
            "gabriel", "logan", "albert", "willie", "alan", "juan", "wayne", "elijah", "randy", "roy", "vincent",
            "ralph", "eugene", "russell", "bobby", "mason", "philip", "louis", "liam", "oliver", "lucas", "leo",
            "oscar", "harry", "charlie", "freddie", "alfie", "archie", "theo", "isaac", "max", "luis", "carlos",
            "mary", "patricia", "jennifer", "linda", "elizabeth", "barbara", "susan", "jessica", "sarah", "karen",
            "lisa", "nancy", "betty", "margaret", "sandra", "ashley", "kimberly", "emily", "donna", "michelle",
            "carol", "amanda", "dorothy", "melissa", "deborah", "stephanie", "rebecca", "sharon", "laura",
            "cynthia", "kathleen", "amy", "angela", "shirley", "anna", "brenda", "pamela", "emma", "nicole",
            "helen", "samantha", "katherine", "christine", "debra", "rachel", "carolyn", "janet", "catherine",
            "maria", "heather", "diane", "ruth", "julie", "olivia", "joyce", "virginia", "victoria", "kelly",
            "lauren", "christina", "joan", "evelyn", "judith", "megan", "andrea", "cheryl", "hannah", "jacqueline",
            "martha", "gloria", "teresa", "ann", "sara", "madison", "frances", "kathryn", "janice", "jean",
            "abigail", "alice", "julia", "judy", "sophia", "grace", "denise", "amber", "doris", "marilyn",
            "danielle", "beverly", "isabella", "theresa", "diana", "natalie", "brittany", "charlotte", "marie",
            "kayla", "alexis", "lori", "ava", "mia", "amelia", "isla", "poppy", "ella", "lily", "chloe", "zoe",
            "sophie", "lucy", "ruby", "jane", "anne", "claire", "fiona", "priya", "wei", "mohammed", "ahmed",
            "fatima", "ana", "sofia", "elena", "pierre", "jean", "hans", "klaus", "giulia", "marco"));

    /** Capitalised words that follow a given name without being a surname. */
    static final WordSet NOT_SURNAMES = new WordSet(List.of(
            "the", "and", "or", "of", "to", "in", "on", "at", "for", "from", "with", "by", "is", "was", "has",
            "had", "will", "would", "can", "may", "street", "st", "avenue", "ave", "road", "rd", "lane", "drive",
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mr", "mrs",
            "ms", "dr", "inc", "ltd", "llc", "corp", "company", "university", "college", "school", "hospital",
            "bank", "city", "county", "park", "square", "house", "hall", "church", "river", "lake", "mount",
            "said", "says", "also", "but", "not", "this", "that", "these", "those", "it", "he", "she", "they",
            "we", "you", "i", "a", "an"));

    private NameDictionary() { }
}
