# bash completion for the align tools.  The options come from each tool's
# own --help, so they never fall behind it.
_align()
{
	local cur prev words cword
	_init_completion 2>/dev/null || {
		cur=${COMP_WORDS[COMP_CWORD]}
		prev=${COMP_WORDS[COMP_CWORD-1]}
	}
	case $prev in
	-f|--format)
		COMPREPLY=($(compgen -W 'text yaml markdown csv ics html' -- "$cur"))
		return ;;
	--rule)
		COMPREPLY=($(compgen -W 'consensus consent majority' -- "$cur"))
		return ;;
	--method)
		COMPREPLY=($(compgen -W 'auto linkage gsdmm' -- "$cur"))
		return ;;
	--outcome)
		COMPREPLY=($(compgen -W 'success failure mixed' -- "$cur"))
		return ;;
	-i|-a|--in-place|--append|--csv|--list|--synonyms|--participants-file)
		COMPREPLY=($(compgen -f -- "$cur"))
		return ;;
	esac
	if [ "$1" = align-followup ] && [ "$COMP_CWORD" -eq 1 ]; then
		COMPREPLY=($(compgen -W 'plan show checkin due report' -- "$cur"))
		return
	fi
	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "$("$1" --help 2>/dev/null |
		    grep -o -e '--[a-z][a-z-]*' | sort -u)" -- "$cur"))
		return
	fi
	COMPREPLY=($(compgen -f -- "$cur"))
}
complete -F _align align-plan align-capture align-theme align-distill \
    align-followup align-merge
