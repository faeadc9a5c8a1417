"""Common English nicknames and short forms, and the formal forenames each may stand for.

A record of "Bob Smith" and one of "Robert Smith" agree on the forename through this table: each
forename is compared as the set of names it may stand for (itself, plus the formal names of a
nickname). The table is deliberately conservative: a short form that stands for many unrelated
names (such as "Jo") is listed with each of them, and evidence from the date of birth, address and
identifiers still decides.
"""

from __future__ import annotations

import pyarrow as pa

FORMAL_NAMES: dict[str, tuple[str, ...]] = {
    "abigail": ("abby", "abbie", "gail"),
    "alexander": ("alex", "alec", "xander", "sandy", "al"),
    "alexandra": ("alex", "lexi", "sandra", "sandy", "ali"),
    "alfred": ("alf", "alfie", "fred"),
    "alison": ("ali", "allie"),
    "amanda": ("mandy", "manda"),
    "andrew": ("andy", "drew"),
    "angela": ("angie",),
    "anthony": ("tony", "ant"),
    "archibald": ("archie",),
    "arthur": ("art", "artie"),
    "barbara": ("barbie", "babs"),
    "benjamin": ("ben", "benny", "benji"),
    "bernard": ("bernie",),
    "bradley": ("brad",),
    "callum": ("cal",),
    "cameron": ("cam",),
    "caroline": ("carrie", "caz"),
    "catherine": ("cathy", "kate", "katie", "cat"),
    "charles": ("charlie", "chas", "chaz", "chuck"),
    "charlotte": ("charlie", "lottie", "lotte"),
    "christina": ("chris", "tina", "chrissy"),
    "christine": ("chris", "chrissy", "tina"),
    "christopher": ("chris", "kit", "topher"),
    "clifford": ("cliff",),
    "daniel": ("dan", "danny"),
    "danielle": ("dani",),
    "david": ("dave", "davy", "davey"),
    "deborah": ("debbie", "deb", "debs"),
    "dominic": ("dom",),
    "donald": ("don", "donny"),
    "douglas": ("doug", "dougie"),
    "edward": ("ed", "eddie", "ted", "ned"),
    "eleanor": ("ellie", "nell", "nora"),
    "elizabeth": ("liz", "beth", "lizzie", "betty", "libby", "eliza"),
    "emily": ("em", "emmy", "millie"),
    "emma": ("em",),
    "frederick": ("fred", "freddie", "freddy"),
    "gabriel": ("gabe",),
    "gabrielle": ("gabby", "gabi"),
    "gareth": ("gaz",),
    "gary": ("gaz",),
    "geoffrey": ("geoff",),
    "george": ("georgie",),
    "gerald": ("gerry",),
    "gregory": ("greg",),
    "harold": ("harry", "hal"),
    "harriet": ("hattie", "harri"),
    "henry": ("harry", "hal", "hank"),
    "isabella": ("bella", "izzy", "issy"),
    "isabelle": ("bella", "izzy", "issy"),
    "jacob": ("jake",),
    "jacqueline": ("jackie", "jacqui"),
    "james": ("jim", "jimmy", "jamie", "jimbo"),
    "jennifer": ("jen", "jenny", "jenni"),
    "jessica": ("jess", "jessie"),
    "john": ("jack", "johnny", "jon"),
    "jonathan": ("jon", "jonny", "johnny"),
    "joseph": ("joe", "joey", "jo"),
    "josephine": ("jo", "josie"),
    "joshua": ("josh",),
    "katherine": ("kate", "kathy", "katie", "kat", "kath"),
    "kathleen": ("kath", "kathy", "kate"),
    "kenneth": ("ken", "kenny"),
    "kimberley": ("kim",),
    "kimberly": ("kim",),
    "lawrence": ("larry", "laurie", "lol"),
    "leonard": ("len", "lenny", "leo"),
    "louise": ("lou",),
    "lucy": ("lu",),
    "margaret": ("maggie", "peggy", "meg", "marge", "maisie"),
    "matthew": ("matt", "matty"),
    "michael": ("mike", "mick", "micky", "mikey"),
    "michelle": ("shell", "chelle"),
    "nathan": ("nate", "nat"),
    "nathaniel": ("nate", "nat"),
    "natalie": ("nat", "nattie"),
    "nicholas": ("nick", "nicky", "nico"),
    "nicola": ("nicky", "nikki", "nic"),
    "oliver": ("ollie", "olly"),
    "olivia": ("liv", "livvy", "ollie"),
    "pamela": ("pam",),
    "patricia": ("pat", "trish", "tricia", "patsy"),
    "patrick": ("pat", "paddy"),
    "peter": ("pete",),
    "philip": ("phil", "pip"),
    "phillip": ("phil",),
    "raymond": ("ray",),
    "rebecca": ("becky", "becca", "bex"),
    "richard": ("rich", "rick", "richie", "dick", "ricky"),
    "robert": ("bob", "rob", "bobby", "robbie", "bert"),
    "ronald": ("ron", "ronnie"),
    "samantha": ("sam", "sammy", "sammie"),
    "samuel": ("sam", "sammy"),
    "sarah": ("sally", "sadie"),
    "sebastian": ("seb",),
    "stephanie": ("steph",),
    "stephen": ("steve", "stevie"),
    "steven": ("steve", "stevie"),
    "stuart": ("stu",),
    "susan": ("sue", "susie", "suzy"),
    "terence": ("terry",),
    "theodore": ("theo", "ted", "teddy"),
    "thomas": ("tom", "tommy"),
    "timothy": ("tim", "timmy"),
    "tobias": ("toby",),
    "valerie": ("val",),
    "victoria": ("vicky", "vikki", "tori", "vic"),
    "vincent": ("vince", "vinny"),
    "william": ("will", "bill", "billy", "liam", "willie"),
    "zachary": ("zach", "zac", "zack"),
}


def nickname_table() -> pa.Table:
    """Each known forename (lower case, letters only) with the formal names it may stand for.

    A formal name stands for itself; a nickname for each formal name that has it.
    """
    aliases: dict[str, set[str]] = {}
    for formal, short_forms in FORMAL_NAMES.items():
        aliases.setdefault(formal, set()).add(formal)
        for short in short_forms:
            aliases.setdefault(short, {short}).add(formal)
    names = sorted(aliases)
    return pa.table(
        {
            "name": pa.array(names, pa.string()),
            "aliases": pa.array([sorted(aliases[name]) for name in names], pa.list_(pa.string())),
        }
    )
