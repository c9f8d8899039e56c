# Regenerates the name gazetteers (given-names.txt, family-names.txt) from the locale files of
# net.datafaker:datafaker. Usage: unzip datafaker-VERSION.jar "*.yml" -d DIR; cd DIR;
# python3 extract-names.py ../rebound-breach/src/main/resources/org/rebound/breach
import yaml, glob, re
first, last = set(), set()
def walk(node, path):
    if isinstance(node, dict):
        for k, v in node.items(): walk(v, path + [str(k)])
    elif isinstance(node, list) and 'name' in path[:-1]:
        key = path[-1]
        target = first if 'first_name' in key else last if 'last_name' in key else None
        if target is None: return
        for v in node:
            vals = v if isinstance(v, list) else [v]
            for w in vals:
                if isinstance(w, str) and '#{' not in w and re.fullmatch(r"[^\W\d_][\w'-]*", w.strip()) and w[0].isupper():
                    target.add(w.strip())
for f in glob.glob('*.yml') + glob.glob('*/*.yml'):
    try: walk(yaml.safe_load(open(f, encoding='utf-8')), [])
    except Exception: pass
import sys
out = sys.argv[1]
open(out + '/given-names.txt', 'w').write('\n'.join(sorted(first)) + '\n')
open(out + '/family-names.txt', 'w').write('\n'.join(sorted(last)) + '\n')
print(len(first), len(last))
