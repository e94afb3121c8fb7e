#!/usr/bin/env bash
# make-videos.sh – renders the sample course's short presentation videos from narration sources.
#
# Usage:  scripts/make-videos.sh [step ...]      (default: every scripts/videos/*.yaml)
#
# For each narration source scripts/videos/<step>.yaml (a `step` label, then 3–5 slides, each with a
# `title`, optional `bullets` and `narration` sentences; the first slide is the title slide) it writes:
#   course/media/<step>.mp4        H.264 (yuv420p, still-image tuned, 5 fps) + AAC mono, faststart
#   course/media/<step>.fr.vtt     WebVTT captions: one cue per narration sentence, with its real timing
#   course/media/<step>.jpg        poster: the title slide
#   course/transcripts/<step>.md   transcript: the narration, one paragraph per slide
# Slides are drawn with ImageMagick `convert` (1280x720, DejaVu Sans, the theme colour of
# course/course.yaml); narration is spoken by espeak-ng's French voice; ffprobe measures every sentence.
#
# Run it by hand when a narration source changes (tests never run it), then commit the media.
# It is idempotent: files are rebuilt in a temporary folder and moved into place, and the encoders are
# asked for bit-exact output, so the same sources and tool versions give byte-identical files.
# It checks its own results (30–90 s, video < 1 MB, poster < 100 KB) and exits non-zero otherwise.
#
# Needs: node (with this repo's `yaml` package), ImageMagick 6 `convert`, espeak-ng, ffmpeg, ffprobe,
# fonts-dejavu-core.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
sources_dir=$repo/scripts/videos
media_dir=$repo/course/media
transcripts_dir=$repo/course/transcripts

font_regular=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
font_bold=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf

width=1280
height=720
margin=96
fps=5
voice=fr
words_per_minute=150
# Pauses in milliseconds: before a slide's first sentence, after each sentence, after a slide's last one.
lead_ms=600
gap_ms=450
tail_ms=500
text_colour='#1f2933'
muted_colour='#52606d'

for tool in node convert espeak-ng ffmpeg ffprobe; do
  command -v "$tool" >/dev/null || { echo "make-videos: $tool is not installed" >&2; exit 1; }
done
for font in "$font_regular" "$font_bold"; do
  [[ -f $font ]] || { echo "make-videos: font $font is missing (apt-get install fonts-dejavu-core)" >&2; exit 1; }
done

# Course title and theme colour come from the course itself, so the videos follow its theme.
read_course_yaml() {
  (cd "$repo" && node -e '
    const YAML = require("yaml");
    const course = YAML.parse(require("fs").readFileSync("course/course.yaml", "utf8"));
    console.log(course.theme?.color ?? "#1d5c8f");
    console.log(course.title);
  ')
}
{ read -r theme_colour; read -r course_title; } < <(read_course_yaml)

# ImageMagick expands %-escapes in caption text; a literal % must be doubled.
im_text() { printf '%s' "${1//%/%%}"; }

# Splits a narration source into plain files bash can read: <dir>/step, <dir>/count and, per slide i,
# <dir>/<i>/title, <dir>/<i>/bullets and <dir>/<i>/narration (one entry a line).
explode_source() {
  local source=$1 out=$2
  (cd "$repo" && node -e '
    const fs = require("fs"), path = require("path"), YAML = require("yaml");
    const [source, out] = process.argv.slice(1);
    const doc = YAML.parse(fs.readFileSync(source, "utf8"));
    const oneLine = (s, what) => {
      if (typeof s !== "string" || s.trim() === "" || s.includes("\n")) throw new Error(`${source}: ${what} must be a one-line string`);
      return s.trim();
    };
    if (!Array.isArray(doc.slides) || doc.slides.length < 3 || doc.slides.length > 5) throw new Error(`${source}: needs 3 to 5 slides`);
    fs.writeFileSync(path.join(out, "step"), oneLine(doc.step, "step") + "\n");
    fs.writeFileSync(path.join(out, "count"), doc.slides.length + "\n");
    doc.slides.forEach((slide, i) => {
      const dir = path.join(out, String(i));
      fs.mkdirSync(dir);
      fs.writeFileSync(path.join(dir, "title"), oneLine(slide.title, `slide ${i + 1} title`) + "\n");
      const lines = (list, what) => (list ?? []).map((s) => oneLine(s, what) + "\n").join("");
      fs.writeFileSync(path.join(dir, "bullets"), lines(slide.bullets, `slide ${i + 1} bullet`));
      if (!Array.isArray(slide.narration) || slide.narration.length === 0) throw new Error(`${source}: slide ${i + 1} has no narration`);
      fs.writeFileSync(path.join(dir, "narration"), lines(slide.narration, `slide ${i + 1} narration`));
    });
  ' "$source" "$out")
}

# PNG chunks that carry dates would make intermediate files differ from run to run.
png_defines=(-define png:exclude-chunks=date,time)

render_title_slide() {
  local title=$1 step_label=$2 out=$3 dir
  dir=$(dirname "$out")
  convert -background none -fill '#dcebee' -font "$font_regular" -pointsize 28 \
    label:"$(im_text "$course_title")" "${png_defines[@]}" "$dir/t-course.png"
  convert -background none -fill white -font "$font_bold" -pointsize 64 -interline-spacing 6 \
    -size $((width - 2 * margin))x caption:"$(im_text "$title")" "${png_defines[@]}" "$dir/t-title.png"
  convert -size 140x8 xc:white "${png_defines[@]}" "$dir/t-rule.png"
  convert -background none -fill white -font "$font_regular" -pointsize 34 \
    label:"$(im_text "$step_label")" "${png_defines[@]}" "$dir/t-step.png"
  convert -background none \
    "$dir/t-course.png" \( -size 1x40 xc:none \) "$dir/t-title.png" \( -size 1x36 xc:none \) \
    "$dir/t-rule.png" \( -size 1x36 xc:none \) "$dir/t-step.png" \
    -gravity west -append "${png_defines[@]}" "$dir/t-stack.png"
  convert -size ${width}x${height} xc:"$theme_colour" \
    "$dir/t-stack.png" -gravity west -geometry +${margin}+0 -composite \
    -fill '#ffffff22' -draw "rectangle 0,$((height - 14)) $width,$height" \
    "${png_defines[@]}" "$out"
}

render_content_slide() {
  local title=$1 step_label=$2 bullets_file=$3 out=$4 dir band=150 footer_top=$((height - 76))
  local text_width=$((width - 2 * margin - 60)) max_height=$((footer_top - band - 70)) size rows i
  dir=$(dirname "$out")
  local -a bullets=()
  mapfile -t bullets < "$bullets_file"
  # Largest type size at which every bullet fits above the footer.
  for size in 38 36 34 32 30 28; do
    rows=()
    i=0
    for bullet in "${bullets[@]}"; do
      convert -background none -fill "$text_colour" -font "$font_regular" -pointsize "$size" \
        -interline-spacing 4 -size ${text_width}x caption:"$(im_text "$bullet")" \
        -gravity west -splice 60x0 -gravity northwest \
        -fill "$theme_colour" -draw "circle 20,$((size * 7 / 10)) 20,$((size * 7 / 10 + 9))" \
        -gravity north -splice 0x26 "${png_defines[@]}" "$dir/b-$i.png"
      rows+=("$dir/b-$i.png")
      i=$((i + 1))
    done
    convert -background none "${rows[@]}" -append "${png_defines[@]}" "$dir/b-stack.png"
    (( $(identify -format '%h' "$dir/b-stack.png") <= max_height )) && break
  done
  (( $(identify -format '%h' "$dir/b-stack.png") <= max_height )) || {
    echo "make-videos: the bullets of \"$title\" do not fit on one slide" >&2; exit 1; }
  # Footer labels are placed by explicit offsets: a label keeps the gravity it was created with.
  convert -background none -fill "$muted_colour" -font "$font_regular" -pointsize 22 \
    label:"$(im_text "$step_label")" "${png_defines[@]}" "$dir/f-step.png"
  convert -background none -fill "$muted_colour" -font "$font_regular" -pointsize 22 \
    label:"$(im_text "$course_title")" "${png_defines[@]}" "$dir/f-course.png"
  local course_width
  course_width=$(identify -format '%w' "$dir/f-course.png")
  convert -size ${width}x${height} xc:white \
    -fill "$theme_colour" -draw "rectangle 0,0 $width,$band" \
    \( -background none -fill white -font "$font_bold" -pointsize 46 -size $((width - 2 * margin))x$band \
       -gravity west caption:"$(im_text "$title")" \) -gravity northwest -geometry +${margin}+0 -composite \
    "$dir/b-stack.png" -gravity northwest -geometry +${margin}+$((band + 34)) -composite \
    -fill '#d5dde3' -draw "rectangle $margin,$footer_top $((width - margin)),$((footer_top + 1))" \
    "$dir/f-step.png" -gravity northwest -geometry +${margin}+$((footer_top + 22)) -composite \
    "$dir/f-course.png" -gravity northwest -geometry +$((width - margin - course_width))+$((footer_top + 22)) -composite \
    "${png_defines[@]}" "$out"
}

samples_of() {
  ffprobe -v error -select_streams a:0 -show_entries stream=duration_ts -of csv=p=0 "$1"
}

# Samples → WebVTT timestamp (HH:MM:SS.mmm).
vtt_time() {
  local ms=$(( $1 * 1000 / sample_rate ))
  printf '%02d:%02d:%02d.%03d' $((ms / 3600000)) $((ms / 60000 % 60)) $((ms / 1000 % 60)) $((ms % 1000))
}

bitexact=(-fflags +bitexact -flags:v +bitexact -flags:a +bitexact -map_metadata -1)

make_video() {
  local name=$1 source=$sources_dir/$1.yaml work
  [[ -f $source ]] || { echo "make-videos: no narration source $source" >&2; exit 1; }
  work=$work_root/$name
  rm -rf "$work" && mkdir -p "$work"
  explode_source "$source" "$work"
  local step_label count
  step_label=$(< "$work/step")
  count=$(< "$work/count")

  local vtt=$work/out.vtt transcript=$work/out.md concat_audio=$work/audio.txt concat_video=$work/video.txt
  printf 'WEBVTT\n' > "$vtt"
  : > "$transcript"; : > "$concat_audio"; : > "$concat_video"
  sample_rate=22050
  local frame=$((sample_rate / fps)) t=0 cue=0 slide j
  for ((slide = 0; slide < count; slide++)); do
    local title sentences=() slide_png=$work/$slide/slide.png slide_samples=0
    title=$(< "$work/$slide/title")
    mapfile -t sentences < "$work/$slide/narration"
    if ((slide == 0)); then
      render_title_slide "$title" "$step_label" "$slide_png"
    else
      render_content_slide "$title" "$step_label" "$work/$slide/bullets" "$slide_png"
    fi
    printf '**%s**\n\n%s\n\n' "$title" "${sentences[*]}" >> "$transcript"
    for ((j = 0; j < ${#sentences[@]}; j++)); do
      local raw=$work/$slide/s$j.wav padded=$work/$slide/p$j.wav spoken pre=0 speech len
      # espeak reads non-breaking spaces as plain spaces; the captions keep the typography.
      spoken=$(printf '%s' "${sentences[j]}" | sed 's/\xc2\xa0/ /g; s/\xe2\x80\xaf/ /g')
      espeak-ng -v "$voice" -s "$words_per_minute" -w "$raw" -- "$spoken"
      [[ $(ffprobe -v error -show_entries stream=sample_rate -of csv=p=0 "$raw") == "$sample_rate" ]] || {
        echo "make-videos: espeak-ng did not produce $sample_rate Hz audio" >&2; exit 1; }
      speech=$(samples_of "$raw")
      ((j == 0)) && pre=$((lead_ms * sample_rate / 1000))
      len=$((pre + speech + gap_ms * sample_rate / 1000))
      if ((j == ${#sentences[@]} - 1)); then
        len=$((len + tail_ms * sample_rate / 1000))
        # Slides change on a frame boundary, so the captions and the pictures stay in step.
        local total=$((slide_samples + len))
        len=$((len + (frame - total % frame) % frame))
      fi
      ffmpeg -v error -y -i "$raw" -af "adelay=${pre}S:all=1,apad=whole_len=$len" -c:a pcm_s16le \
        "${bitexact[@]}" "$padded"
      [[ $(samples_of "$padded") == "$len" ]] || { echo "make-videos: padding $padded went wrong" >&2; exit 1; }
      cue=$((cue + 1))
      printf '\n%d\n%s --> %s\n%s\n' "$cue" "$(vtt_time $((t + slide_samples + pre)))" \
        "$(vtt_time $((t + slide_samples + pre + speech)))" "${sentences[j]}" >> "$vtt"
      printf "file '%s'\n" "$padded" >> "$concat_audio"
      slide_samples=$((slide_samples + len))
    done
    printf "file '%s'\nduration %d.%d\n" "$slide_png" $((slide_samples / sample_rate)) \
      $((slide_samples % sample_rate * 10 / sample_rate)) >> "$concat_video"
    t=$((t + slide_samples))
  done
  # The concat demuxer ignores the last duration unless the last picture is listed again.
  printf "file '%s'\n" "$work/$((count - 1))/slide.png" >> "$concat_video"

  ffmpeg -v error -y -f concat -safe 0 -i "$concat_audio" -c:a pcm_s16le "${bitexact[@]}" "$work/narration.wav"
  ffmpeg -v error -y -f concat -safe 0 -i "$concat_video" -i "$work/narration.wav" -map 0:v -map 1:a \
    -vf "fps=$fps,scale=out_color_matrix=bt709:flags=accurate_rnd+full_chroma_int,format=yuv420p" \
    -colorspace bt709 -color_primaries bt709 -color_trc bt709 -color_range tv \
    -c:v libx264 -preset slow -tune stillimage -crf 26 -g $((fps * 30)) -threads 1 \
    -c:a aac -b:a 48k -ac 1 -ar "$sample_rate" \
    -t "$((t / sample_rate)).$(printf '%03d' $((t % sample_rate * 1000 / sample_rate)))" \
    -movflags +faststart "${bitexact[@]}" "$work/out.mp4"
  convert "$work/0/slide.png" -strip -sampling-factor 4:2:0 -quality 82 "$work/out.jpg"

  check_outputs "$name" "$work/out.mp4" "$work/out.jpg"
  mkdir -p "$media_dir" "$transcripts_dir"
  mv "$work/out.mp4" "$media_dir/$name.mp4"
  mv "$work/out.vtt" "$media_dir/$name.fr.vtt"
  mv "$work/out.jpg" "$media_dir/$name.jpg"
  mv "$work/out.md" "$transcripts_dir/$name.md"
  printf 'make-videos: %s  %s s  mp4 %s bytes  poster %s bytes  %d cues\n' "$name" \
    "$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$media_dir/$name.mp4")" \
    "$(stat -c %s "$media_dir/$name.mp4")" "$(stat -c %s "$media_dir/$name.jpg")" "$cue"
}

check_outputs() {
  local name=$1 mp4=$2 jpg=$3 duration
  duration=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$mp4")
  awk -v d="$duration" 'BEGIN { exit !(d >= 30 && d <= 90) }' || {
    echo "make-videos: $name lasts $duration s; keep it between 30 and 90 s" >&2; exit 1; }
  (( $(stat -c %s "$mp4") < 1000000 )) || { echo "make-videos: $name.mp4 is 1 MB or more" >&2; exit 1; }
  (( $(stat -c %s "$jpg") < 100000 )) || { echo "make-videos: $name.jpg is 100 KB or more" >&2; exit 1; }
}

work_root=$(mktemp -d)
trap '[[ -n ${KEEP_WORK:-} ]] && echo "kept $work_root" >&2 || rm -rf "$work_root"' EXIT

names=("$@")
if ((${#names[@]} == 0)); then
  for source in "$sources_dir"/*.yaml; do names+=("$(basename "$source" .yaml)"); done
fi
for name in "${names[@]}"; do make_video "$name"; done
