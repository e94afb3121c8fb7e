#!/usr/bin/env bash
# make-init-video.sh – renders templates/init/media/intro.mp4, the 6-second video `parcours init`
# puts in a new course (with the captions templates/init/<lang>/media/intro.<lang>.vtt, which end at 6 s).
# A title card and a bar that fills as it plays, no sound and no words but "Parcours", so one file
# serves every language. Run by hand when it must change (tests never run it), then commit it.
# Needs ffmpeg (libx264, drawtext) and fonts-dejavu-core.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=$repo/templates/init/media/intro.mp4
font=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf
colour=0x1d5c8f   # the default theme colour of a new course
seconds=6
ffmpeg -v error -y -f lavfi -i "color=c=$colour:s=640x360:r=10:d=$seconds" -f lavfi -i "color=c=white:s=480x8:r=10:d=$seconds" \
  -filter_complex "[0]drawtext=fontfile=$font:text='Parcours':fontcolor=white:fontsize=56:x=(w-tw)/2:y=(h-th)/2-20,drawbox=x=80:y=250:w=480:h=8:color=0x5d8bb3:t=fill[bg];[bg][1]overlay=x='80-480+480*t/$seconds':y=250:eval=frame,drawbox=x=0:y=250:w=80:h=8:color=$colour:t=fill" \
  -c:v libx264 -preset slow -tune stillimage -crf 30 -pix_fmt yuv420p -g 60 -threads 1 -movflags +faststart \
  -fflags +bitexact -flags:v +bitexact -map_metadata -1 "$out"
echo "make-init-video: $out $(stat -c %s "$out") bytes"
